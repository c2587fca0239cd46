import { readFileSync } from "node:fs";
import { join } from "node:path";
import { toPersianDigits } from "@/lib/dates";
import { messagesFor } from "@/lib/i18n/messages";
import type { ChronologyEntry, ExportContent, ExportLink, ExportStatement } from "./content";

// The dossier as one HTML document for Chromium to print. Every value from the database goes
// through esc(); text in either script carries its own direction (dir/lang on the block,
// <bdi> inline), so a Persian quote inside an English sentence keeps its order. The Persian
// font is embedded (base64 @font-face), so the PDF never depends on fonts of the machine.
// The document is bilingual: headings and labels in English and Persian side by side.

export type PdfMeta = { exportId: string; exportedAt: string; exporter: string; packageFiles: { path: string; exhibitNumber: string | null }[] };

export function esc(s: string | number | null | undefined): string {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

let fontCss: string | null = null;
function fonts(): string {
  if (fontCss) return fontCss;
  const dir = join(process.cwd(), "node_modules", "vazirmatn", "fonts", "webfonts");
  const face = (file: string, weight: number) =>
    `@font-face{font-family:"Vazirmatn";font-weight:${weight};font-style:normal;src:url(data:font/woff2;base64,${readFileSync(join(dir, file)).toString("base64")}) format("woff2");}`;
  fontCss = face("Vazirmatn-Regular.woff2", 400) + face("Vazirmatn-Bold.woff2", 700);
  return fontCss;
}

const isRtl = (lang: string) => lang === "fa" || lang === "ar";
const dirOf = (lang: string) => (isRtl(lang) ? "rtl" : "ltr");
/** Text in its own direction, isolated from what surrounds it. */
const bdi = (s: string, lang?: string) => `<bdi${lang ? ` lang="${esc(lang)}" dir="${dirOf(lang)}"` : ""}>${esc(s)}</bdi>`;
/**
 * A label, heading or short value in both languages, "English / فارسی", the slash held to the
 * English by a no-break space as in bothNames; a field's name before its value is `field`, a
 * whole sentence `biText`.
 */
const bi = (en: string, fa: string) => `${esc(en)}&#160;/ <bdi class="fa" lang="fa" dir="rtl">${esc(fa)}</bdi>`;
/** A field's name before its value: "revision / نسخه:" (the colon after the Persian, outside it, so it stays at the end). */
const field = (en: string, fa: string) => `${bi(en, fa)}:`;
/** A sentence in both languages: the English, then the Persian as a right-to-left line of its own. */
const biText = (en: string, fa: string) => `${esc(en)}<span class="fa fa-line" lang="fa" dir="rtl">${esc(fa)}</span>`;
/**
 * A record's name as the court reads it, the Latin (English) one, then its Persian one when it has
 * one: "name / نام"; the Persian alone when that is all there is. The space before the slash is a
 * no-break space, so a wrapped line ends "name /" and never begins with a slash alone.
 */
const bothNames = (name: string, nameFa: string) => (name ? `${bdi(name)}${nameFa ? `&#160;/ ${bdi(nameFa, "fa")}` : ""}` : nameFa ? bdi(nameFa, "fa") : "");

const ALLEGATION: Record<string, [string, string]> = {
  KILLING: ["Killing", "قتل"],
  TORTURE: ["Torture", "شکنجه"],
  IMPRISONMENT: ["Imprisonment", "زندان"],
  ENFORCED_DISAPPEARANCE: ["Enforced disappearance", "ناپدیدسازی قهری"],
  PERSECUTION: ["Persecution", "آزار و تعقیب"],
  OTHER: ["Other", "دیگر"],
};
const ROLE: Record<string, [string, string]> = {
  ORDERED: ["ordered", "دستور داد"],
  TOOK_PART: ["took part", "مشارکت داشت"],
  PRESENT: ["present", "حاضر بود"],
  INTERROGATED: ["interrogated", "بازجویی کرد"],
  SAT_ON_COMMISSION: ["sat on the commission", "عضو هیئت بود"],
  NAMED_BY_OTHERS: ["named by others", "دیگران نام بردند"],
  OTHER: ["other", "دیگر"],
};
const STATUS: Record<string, [string, string]> = {
  DRAFT: ["draft", "پیش‌نویس"],
  SUBMITTED: ["submitted for review", "ارسال‌شده برای بازبینی"],
  IN_REVIEW: ["in review", "در حال بازبینی"],
  VERIFIED: ["verified", "تأییدشده"],
  CHANGES_REQUESTED: ["changes requested", "نیازمند اصلاح"],
  DISPUTED: ["disputed", "مورد اختلاف"],
  REJECTED: ["rejected", "ردشده"],
};
/** A reviewer's decision (Review.decision), as the grading's note says which decision gave it. */
const DECISION: Record<string, [string, string]> = {
  VERIFIED: ["verified", "تأیید"],
  CHANGES_REQUESTED: ["changes requested", "درخواست اصلاح"],
  DISPUTED: ["disputed", "اعلام اختلاف"],
  REJECTED: ["rejected", "رد"],
};
const REASON: Record<string, [string, string]> = {
  RECORD_MISSING: ["the record no longer exists", "این رکورد دیگر وجود ندارد"],
  CONSENT_WITHDRAWN: ["the witness withdrew consent to sharing with legal teams", "شاهد رضایت به اشتراک با تیم‌های حقوقی را پس گرفته است"],
  NO_LEGAL_SHARING_CONSENT: ["the witness has not consented to sharing with legal teams", "شاهد به اشتراک با تیم‌های حقوقی رضایت نداده است"],
};
export const REASON_TEXT = REASON;
const label = (table: Record<string, [string, string]>, key: string) => table[key] ?? [key, key];

function datesBoth(e: ChronologyEntry): { gregorian: string; persian: string } {
  return { gregorian: e.gregorian ?? e.input, persian: e.persian ?? toPersianDigits(e.input) };
}

const LANGUAGE: Record<string, [string, string]> = { fa: ["Persian", "فارسی"], en: ["English", "انگلیسی"], ar: ["Arabic", "عربی"] };
const language = (code: string) => label(LANGUAGE, code);

/** The interview's date as it was typed, then as read in each calendar when it could be read. */
function interviewed(s: ExportStatement): string {
  const read = s.interviewDates;
  const both = read && (read.gregorian || read.persian) ? ` (${[read.gregorian ? esc(read.gregorian) : "", read.persian ? bdi(read.persian, "fa") : ""].filter(Boolean).join(" / ")})` : "";
  return `${bdi(s.interviewDate ?? "")}${both}`;
}

function witnessLabel(s: ExportStatement): string {
  const w = s.witness;
  return w.revealedName ? `${bdi(w.revealedName)} (${esc(w.code)})` : `${esc(w.code)}`;
}

/** The grading scales' words, as the application names them (messages: grading), in English and Persian. */
type Scale = Record<string, { name: string } | string>;
function gradeName(scale: "reliability" | "credibility", key: string): [string, string] {
  const name = (locale: "en" | "fa") => {
    const entry = (messagesFor(locale) as unknown as { grading: Record<string, Scale> }).grading[scale]?.[key];
    return typeof entry === "object" && entry ? entry.name : key;
  };
  return [name("en"), name("fa")];
}

/** What a grade's letter and digit mean: the two scales, once, where the grades are first read. */
function gradingLegend(): string {
  const row = (scale: "reliability" | "credibility", keys: string[]) => keys.map((k) => `<b>${esc(k)}</b> ${bi(...gradeName(scale, k))}`).join(" · ");
  return `<p class="small">${field("Source reliability", "اعتبار منبع")} ${row("reliability", ["A", "B", "C", "D", "E", "F"])}</p><p class="small">${field("Credibility of the information", "درستی اطلاعات")} ${row("credibility", ["1", "2", "3", "4", "5", "6"])}</p>`;
}

/** A fictional sample (demo or training data): said at the record, in both languages, wherever it is cited. */
const fictionalMark = (s: ExportStatement) => (s.fictional ? `<span class="warn">${bi("FICTIONAL SAMPLE", "نمونهٔ ساختگی")}</span> ` : "");

function grading(s: ExportStatement): string {
  const verified = s.status === "VERIFIED";
  const status = label(STATUS, s.status);
  const mark = verified ? "" : `<span class="warn">${bi("NOT VERIFIED", "تأییدنشده")}</span> `;
  const d = s.grading;
  // Which review the grading (or its absence) comes from: its decision and the revision it judged.
  const from = d && `(${field("review", "بازبینی")} ${bi(...label(DECISION, d.decision))}, ${field("revision", "نسخه")} ${esc(d.revisionNumber)})`;
  const g = !d
    ? ` · ${bi("not graded", "ارزیابی‌نشده")}`
    : d.sourceReliability && d.credibility
      ? ` · ${field("grading", "ارزیابی")} ${esc(d.sourceReliability)}${esc(d.credibility)} (${bi(...gradeName("reliability", d.sourceReliability))} · ${bi(...gradeName("credibility", String(d.credibility)))}) ${from}`
      : ` · ${bi("not graded", "ارزیابی‌نشده")} ${from}`;
  return `${mark}${field("status", "وضعیت")} ${bi(status[0], status[1])}${g}`;
}

function citation(s: ExportStatement, l: ExportLink, exhibitNumbers: Map<string, string>): string {
  const files = s.exhibitIds.map((id) => exhibitNumbers.get(id)).filter((x): x is string => !!x);
  return [
    `${fictionalMark(s)}<b>${esc(s.exhibitNumber)}</b>`,
    `${field("statement", "شهادت‌نامه")} <span class="mono">${esc(s.id)}</span>`,
    `${field("revision", "نسخه")} ${esc(l.revisionNumber)}`,
    `${field("characters", "نویسه‌ها")} ${esc(l.startOffset)}–${esc(l.endOffset)}`,
    `${field("witness", "شاهد")} ${witnessLabel(s)}`,
    files.length ? `${field("exhibits", "پیوست‌ها")} ${files.map(esc).join(", ")}` : "",
    l.anchor !== "ANCHORED" ? `<span class="warn">${biText("citation needs review after an edit", "این ارجاع پس از ویرایش نیازمند بازبینی است")}</span>` : "",
  ]
    .filter(Boolean)
    .join(" · ");
}

/**
 * The dossier as the HTML Chromium prints. `pages`: the page each section starts on (by its id,
 * read back from an earlier printing: pdf-pages.ts), printed in the contents; without it the
 * contents leave the numbers' place empty, the same width, so that the numbers change no layout.
 */
export function renderDossierHtml(content: ExportContent, meta: PdfMeta, pages?: ReadonlyMap<string, number>): string {
  const statements = content.items.filter((i): i is ExportStatement => i.kind === "STATEMENT");
  const exhibits = content.items.filter((i) => i.kind === "EXHIBIT");
  const sources = content.items.filter((i) => i.kind === "SOURCE");
  const exhibitNumbers = new Map(exhibits.map((e) => [e.id, e.exhibitNumber]));
  const statusOf = new Map(statements.map((s) => [s.exhibitNumber, s.status]));
  const pathOf = new Map(meta.packageFiles.filter((f) => f.exhibitNumber).map((f) => [f.exhibitNumber!, f.path]));

  // One section per person and allegation type, with every supporting quote.
  type Group = { person: ExportLink["person"]; allegation: string; cites: { s: ExportStatement; l: ExportLink }[] };
  const groups = new Map<string, Group>();
  for (const s of statements)
    for (const l of s.links) {
      const key = `${l.person.id}\u0000${l.allegationType}`;
      const g = groups.get(key) ?? { person: l.person, allegation: l.allegationType, cites: [] };
      g.cites.push({ s, l });
      groups.set(key, g);
    }
  const grouped = [...groups.values()].sort((a, b) => a.person.name.localeCompare(b.person.name) || a.allegation.localeCompare(b.allegation));

  const d = content.dossier;
  const subject =
    d.subject?.type === "PROCEEDING"
      ? `${field("Proceeding", "دادرسی")} ${bothNames(d.subject.title, d.subject.titleFa)}${d.subject.court || d.subject.courtFa ? ` — ${bothNames(d.subject.court, d.subject.courtFa)}` : ""}`
      : d.subject?.type === "PERSON"
        ? `${field("Person", "فرد")} ${bothNames(d.subject.name, d.subject.nameFa)}`
        : "";
  // What the cover says of the subject besides its name: each text in English and in Persian, as recorded.
  const both = (en = "", fa = "") => `${en ? `<p dir="auto">${esc(en)}</p>` : ""}${fa ? `<p lang="fa" dir="rtl">${esc(fa)}</p>` : ""}`;
  const subjectRows: [string, string][] =
    d.subject?.type === "PROCEEDING"
      ? [
          [bi("Case number", "شمارهٔ پرونده"), d.subject.docket ? bdi(d.subject.docket) : ""],
          [bi("Defendants", "متهمان"), (d.subject.defendants ?? []).map((p) => bothNames(p.name, p.nameFa)).join("; ")],
          [bi("Charges", "اتهام‌ها"), both(d.subject.charges, d.subject.chargesFa)],
          [bi("Status", "وضعیت"), both(d.subject.status, d.subject.statusFa)],
        ]
      : d.subject?.type === "PERSON"
        ? [
            [bi("Other names", "نام‌های دیگر"), (d.subject.aliases ?? []).map((a) => bdi(a)).join(", ")],
            [bi("Summary", "خلاصه"), both(d.subject.summary, d.subject.summaryFa)],
            [bi("Current status", "وضعیت کنونی"), both(d.subject.statusNotes, d.subject.statusNotesFa)],
          ]
        : [];
  const recorded = subjectRows.filter(([, v]) => v);
  const subjectDetails = recorded.length ? `<table class="subject">${recorded.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join("")}</table>` : "";
  const reasons = new Map<string, string[]>();
  for (const x of content.excluded) reasons.set(x.reason, [...(reasons.get(x.reason) ?? []), x.exhibitNumber]);
  const excludedText = content.excluded.length
    ? `<p>${biText(
        "These items of the dossier are not in this package. Their numbers are kept so that the numbering of the rest does not change.",
        "این موارد پرونده در این بسته نیستند. شماره‌هایشان نگه داشته شده تا شمارهٔ بقیه تغییر نکند.",
      )}</p><ul>${[...reasons].map(([r, numbers]) => `<li>${esc(numbers.length)} — ${bi(label(REASON, r)[0], label(REASON, r)[1])}: ${numbers.map(esc).join(", ")}</li>`).join("")}</ul>`
    : `<p>${biText("None.", "هیچ.")}</p>`;

  const sections: { id: string; en: string; fa: string; html: string }[] = [];
  sections.push({
    id: "chronology",
    en: "Chronology of events",
    fa: "گاهشمار رویدادها",
    html: content.chronology.length
      ? `<table><thead><tr><th>${bi("Date (Gregorian)", "تاریخ میلادی")}</th><th>${bi("Date (Solar Hijri)", "تاریخ خورشیدی")}</th><th>${bi("Event", "رویداد")}</th></tr></thead><tbody>${content.chronology
          .map((e) => {
            const dt = datesBoth(e);
            const cited = e.citedBy.map((n) => `${esc(n)}${statusOf.get(n) && statusOf.get(n) !== "VERIFIED" ? ` <span class="warn">(${bi("not verified", "تأییدنشده")})</span>` : ""}`);
            return `<tr><td>${esc(dt.gregorian)}</td><td lang="fa" dir="rtl">${esc(dt.persian)}</td><td>${bdi(e.title)}${e.titleFa ? `<br>${bdi(e.titleFa, "fa")}` : ""}${e.citedBy.length ? `<br><span class="small">${field("cited by", "استناد در")} ${cited.join(", ")}</span>` : ""}${e.origin === "proceeding" ? `<br><span class="small">${bi("proceeding timeline", "روند دادرسی")}</span>` : ""}</td></tr>`;
          })
          .join("")}</tbody></table>`
      : `<p>${biText("No dated events are linked to the included statements.", "هیچ رویداد تاریخ‌داری به شهادت‌نامه‌های این پرونده پیوند ندارد.")}</p>`,
  });
  sections.push({
    id: "allegations",
    en: "Allegations by person",
    fa: "اتهام‌ها به تفکیک فرد",
    html: grouped.length
      ? grouped
          .map(
            (g, i) => `<section class="group" id="g${i}"><h3>${bothNames(g.person.name, g.person.nameFa)} — ${bi(label(ALLEGATION, g.allegation)[0], label(ALLEGATION, g.allegation)[1])}</h3>${g.cites
              .map(
                ({ s, l }) => `<div class="cite"><blockquote lang="${esc(s.language)}" dir="${dirOf(s.language)}">${esc(l.quote)}</blockquote>
<p class="meta">${field("Role", "نقش")} ${bi(label(ROLE, l.role)[0], label(ROLE, l.role)[1])}${l.event ? ` · ${field("event", "رویداد")} ${bothNames(l.event.title, l.event.titleFa)}` : ""}${l.place ? ` · ${field("place", "مکان")} ${bothNames(l.place.name, l.place.nameFa)}` : ""}${l.proceeding ? ` · ${field("proceeding", "دادرسی")} ${bothNames(l.proceeding.title, l.proceeding.titleFa)}` : ""}</p>
<p class="meta">${citation(s, l, exhibitNumbers)}</p><p class="meta">${grading(s)}</p></div>`,
              )
              .join("")}</section>`,
          )
          .join("")
      : `<p>${biText("No passages of the included statements are linked to persons.", "هیچ بخشی از شهادت‌نامه‌ها به فردی پیوند داده نشده است.")}</p>`,
  });
  sections.push({
    id: "statements",
    en: "Statements",
    fa: "شهادت‌نامه‌ها",
    html: statements.length
      ? gradingLegend() +
        statements
          .map(
            // The statement in a one-cell table whose header row is its heading: Chromium prints a
            // table's header again at the top of every page the table runs onto, so a long
            // statement's every page says which statement it is (CSS has no running headers here).
            (s) => `<section class="statement" id="${esc(s.exhibitNumber)}"><table class="frame"><thead><tr><td><h3>${esc(s.exhibitNumber)} — ${bdi(s.title, s.language)}</h3></td></tr></thead><tbody><tr><td>
<p class="meta">${fictionalMark(s)}${field("Statement", "شهادت‌نامه")} <span class="mono">${esc(s.id)}</span> · ${field("revision", "نسخه")} ${esc(s.revisionNumber)} · ${field("witness", "شاهد")} ${witnessLabel(s)} · ${field("language", "زبان")} ${bi(...language(s.language))}${s.interviewDate ? ` · ${field("interviewed", "تاریخ مصاحبه")} ${interviewed(s)}` : ""}</p>
<p class="meta">${grading(s)}</p>${s.note ? `<p class="note">${bdi(s.note)}</p>` : ""}
<div class="text" lang="${esc(s.language)}" dir="${dirOf(s.language)}">${esc(s.text)}</div>${
              s.summary ? `<p class="meta">${field("Summary", "خلاصه")}</p><div class="text" dir="auto">${esc(s.summary)}</div>` : ""
            }${s.translations
              .map(
                (t) =>
                  `<p class="meta">${field("Translation", "ترجمه")} ${bi(...language(t.language))}${t.translator ? ` · ${field("translator", "مترجم")} ${bdi(t.translator)}` : ""}</p><div class="text" lang="${esc(t.language)}" dir="${dirOf(t.language)}">${esc(t.text)}</div>`,
              )
              .join("")}</td></tr></tbody></table></section>`,
          )
          .join("")
      : `<p>${biText("No statements.", "بدون شهادت‌نامه.")}</p>`,
  });
  sections.push({
    id: "exhibits",
    en: "Exhibits and their SHA-256",
    fa: "پیوست‌ها و SHA-256 آن‌ها",
    html: exhibits.length
      ? `<table class="hashes"><thead><tr><th>${bi("No.", "شماره")}</th><th>${bi("File in the package", "فایل در بسته")}</th><th>${bi("Size, type", "اندازه، نوع")}</th><th>SHA-256</th></tr></thead><tbody>${exhibits
          .map((e) =>
            e.kind === "EXHIBIT"
              ? `<tr><td>${esc(e.exhibitNumber)}<br><span class="small">${esc(e.storeNumber)}</span></td><td><bdi class="path">${esc(pathOf.get(e.exhibitNumber) ?? e.originalName)}</bdi>${e.description ? `<br><span class="small">${bdi(e.description)}</span>` : ""}</td><td>${esc(e.size)} B<br>${esc(e.mime)}</td><td class="mono hash">${esc(e.sha256)}</td></tr>`
              : "",
          )
          .join("")}</tbody></table>`
      : `<p>${biText("No exhibit files.", "بدون فایل پیوست.")}</p>`,
  });
  sections.push({
    id: "sources",
    en: "Sources",
    fa: "منابع",
    html: sources.length
      ? `<ul>${sources
          .map((s) =>
            s.kind === "SOURCE"
              ? `<li><b>${esc(s.exhibitNumber)}</b> ${bdi(s.title)}${s.author ? ` — ${bdi(s.author)}` : ""}${s.year ? ` (${esc(s.year)})` : ""}${s.grade ? ` · ${field("grading", "ارزیابی")} ${esc(s.grade)}` : ` · ${bi("not graded", "ارزیابی‌نشده")}`}${s.citation ? `<br><span class="small">${bdi(s.citation)}</span>` : ""}</li>`
              : "",
          )
          .join("")}</ul>`
      : `<p>${biText("No sources.", "بدون منبع.")}</p>`,
  });
  sections.push({
    id: "excluded",
    en: `Statements left out: ${content.excluded.length}`,
    fa: `شهادت‌نامه‌های کنارگذاشته: ${toPersianDigits(String(content.excluded.length))}`,
    html: excludedText,
  });

  const nStatements = statements.length;
  const notVerified = statements.filter((s) => s.status !== "VERIFIED").length;
  return `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><title>${esc(d.title)}</title><style>
${fonts()}
@page{size:A4;margin:18mm 16mm 20mm 16mm}
html{font-family:"Vazirmatn",sans-serif;font-size:10.5pt;line-height:1.55;color:#111}
h1{font-size:20pt;margin:0 0 8mm}h2{font-size:14pt;border-bottom:1px solid #999;margin-top:0}h3{font-size:11.5pt;margin:5mm 0 2mm}
.fa{font-family:"Vazirmatn";}.fa-line{display:block}
table.subject{margin-bottom:6mm}table.subject th{width:28%}table.subject p{margin:0 0 1.5mm}
.cover{page-break-after:always;padding-top:30mm}
.toc{page-break-after:always}.toc a{color:#111;text-decoration:none;display:flex;align-items:baseline}
.toc .leader{flex:1;border-bottom:1px dotted #888;margin:0 2mm}.toc .pg{min-width:12mm;text-align:end;font-variant-numeric:tabular-nums}
.part{page-break-before:always}
blockquote{margin:2mm 0;padding:2mm 4mm;border-inline-start:3px solid #555;background:#f3f3f3;white-space:pre-wrap}
.meta{font-size:9pt;color:#333;margin:1mm 0}.small{font-size:8.5pt;color:#444}
.mono{font-family:monospace;font-size:8.5pt}.hash{white-space:nowrap;font-size:6.8pt}
.warn{color:#a00;font-weight:700}
.text{white-space:pre-wrap;border:1px solid #ccc;padding:3mm}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:1.5mm;vertical-align:top;text-align:start;font-size:9pt}
.cite{page-break-inside:avoid;margin-bottom:4mm}
table.frame{table-layout:fixed;margin-bottom:4mm}table.frame>*>tr>td{border:0;padding:0;font-size:inherit}
h2,h3{break-after:avoid;page-break-after:avoid}
table.hashes td:first-child{white-space:nowrap}table.hashes .path{font-family:monospace;font-size:8pt;word-break:break-all}
</style></head><body>
<div class="cover">
<h1>${bdi(d.title)}</h1>
<p>${subject}</p>
${subjectDetails}
${d.description ? `<p>${bdi(d.description)}</p>` : ""}
<table>
<tr><th>${bi("Dossier", "پرونده")}</th><td class="mono">${esc(d.id)}</td></tr>
<tr><th>${bi("Export", "برون‌بری")}</th><td class="mono">${esc(meta.exportId)}</td></tr>
<tr><th>${bi("Exported at (UTC)", "زمان برون‌بری")}</th><td>${esc(meta.exportedAt)}</td></tr>
<tr><th>${bi("Exported by", "برون‌بری توسط")}</th><td>${bdi(meta.exporter)}</td></tr>
<tr><th>${bi("Statements", "شهادت‌نامه‌ها")}</th><td>${esc(nStatements)} (${field("not verified", "تأییدنشده")} ${esc(notVerified)})</td></tr>
<tr><th>${bi("Exhibit files", "فایل‌های پیوست")}</th><td>${esc(exhibits.length)}</td></tr>
<tr><th>${bi("Sources", "منابع")}</th><td>${esc(sources.length)}</td></tr>
<tr><th>${bi("Statements left out", "شهادت‌نامه‌های کنارگذاشته")}</th><td>${esc(content.excluded.length)}</td></tr>
</table>
${
  content.revealed.length
    ? `<p class="warn">${biText(
        `This package names ${content.revealed.length} witness${content.revealed.length === 1 ? "" : "es"} by legal name (${content.revealed.map((w) => w.code).join(", ")}): the exporter revealed their identity, with a reason kept in the audit log. Keep it as the witnesses' safety requires.`,
        `این بسته نام قانونی ${toPersianDigits(String(content.revealed.length))} شاهد را آورده است (${content.revealed.map((w) => w.code).join("، ")}): برون‌بر هویتشان را آشکار کرده و دلیل آن در گزارش ممیزی ثبت است. آن را چنان نگه دارید که امنیت شاهدان می‌خواهد.`,
      )}</p>`
    : ""
}
<p class="small">${biText(
    "Witnesses are named by pseudonym code unless their consent covers sharing with legal teams and the exporting user may see their identity. Every file of this package is listed with its SHA-256 in manifest.json; README.txt explains how to check them.",
    "شاهدان با کد مستعار آمده‌اند مگر آنکه رضایتشان اشتراک با تیم‌های حقوقی را پوشش دهد و برون‌بر مجاز به دیدن هویتشان باشد. همهٔ فایل‌های این بسته با SHA-256 در manifest.json فهرست شده‌اند؛ README.txt روش بررسی را توضیح می‌دهد.",
  )}</p>
</div>
<div class="toc"><h2>${bi("Contents", "فهرست")}</h2><ol>${sections.map((s) => `<li><a href="#${s.id}"><span>${bi(s.en, s.fa)}</span><span class="leader"></span><span class="pg" data-section="${s.id}">${pages?.has(s.id) ? esc(pages.get(s.id)!) : ""}</span></a></li>`).join("")}</ol></div>
${sections.map((s, i) => `<div class="part" id="${s.id}"><h2>${esc(i + 1)}. ${bi(s.en, s.fa)}</h2>${s.html}</div>`).join("\n")}
</body></html>`;
}

/** The footer Chromium prints on every page: dossier id, export time, page X of Y, in both languages. */
export function footerTemplate(meta: { dossierId: string; exportedAt: string }): string {
  const n = `<span class="pageNumber"></span>`;
  const of = `<span class="totalPages"></span>`;
  return `<div style="font-size:7.5px;width:100%;padding:0 16mm;font-family:sans-serif;color:#333;display:flex;justify-content:space-between;gap:4mm"><span>Dossier ${esc(meta.dossierId)} · exported ${esc(meta.exportedAt)}</span><span>page ${n} of ${of} · <bdi lang="fa" dir="rtl">صفحهٔ ${n} از ${of}</bdi></span></div>`;
}
