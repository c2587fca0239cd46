import { describe, expect, test } from "vitest";
import type { ExportContent, ExportStatement } from "./content";
import { renderDossierHtml } from "./pdf-html";
import { readmeText } from "./readme";

// The PDF names a record "English / Persian". A line that wraps there must end "English /" with
// the Persian on the next line: the space before the slash is a no-break space, the one after it
// an ordinary space where the line may break.

const meta = { exportId: "exp-1", exportedAt: "2026-12-04T12:00:00.000Z", exporter: "Demo Legal", packageFiles: [] };
const NOURI = { title: "Prosecution of Hamid Nouri (Sweden)", titleFa: "پیگرد حمید نوری (سوئد)" };

function content(subject: ExportContent["dossier"]["subject"], items: ExportContent["items"] = []): ExportContent {
  return { dossier: { id: "d1", title: "Dossier", subjectType: subject?.type ?? "PROCEEDING", description: "", subject }, items, excluded: [], chronology: [], revealed: [] };
}

const statement: ExportStatement = {
  kind: "STATEMENT",
  exhibitNumber: "CF-0001",
  note: "",
  id: "s1",
  title: "Fictional statement",
  language: "en",
  text: "The prisoners were called out one by one.",
  summary: "",
  revisionNumber: 1,
  status: "VERIFIED",
  interviewDate: null,
  interviewDates: null,
  fictional: false,
  translations: [],
  witness: { id: "w1", code: "W-0001", consentScopes: ["LEGAL_SHARING"], revealedName: null },
  grading: null,
  exhibitIds: [],
  links: [
    {
      id: "l1",
      revisionNumber: 1,
      startOffset: 4,
      endOffset: 13,
      quote: "prisoners",
      anchor: "OK",
      role: "ORDERED",
      allegationType: "KILLING",
      person: { id: "p1", name: "Hossein-Ali Nayyeri", nameFa: "حسینعلی نیری" },
      event: { id: "e1", title: "Prisons locked down", titleFa: "قرنطینهٔ زندان‌ها" },
      place: { id: "pl1", name: "Evin Prison", nameFa: "زندان اوین" },
      proceeding: { id: "pr1", ...NOURI },
    },
  ],
};

/** Every "name / نام" pair in the HTML: what comes between the English name's end and the Persian name's start. */
const pairs = (html: string) => [...html.matchAll(/<\/bdi>([^<]*)<bdi lang="fa" dir="rtl">/g)].map((m) => m[1]!).filter((between) => between.includes("/"));

describe("the dossier PDF's two names of a record", () => {
  test("the subject proceeding and its court: the slash is held to the English name before it", () => {
    const html = renderDossierHtml(content({ type: "PROCEEDING", id: "pr1", ...NOURI, court: "Stockholm District Court", courtFa: "دادگاه بدوی استکهلم", jurisdiction: "Sweden" }), meta);
    expect(html).toContain(`<bdi>${NOURI.title}</bdi>&#160;/ <bdi lang="fa" dir="rtl">${NOURI.titleFa}</bdi>`);
    expect(html).toContain(`<bdi>Stockholm District Court</bdi>&#160;/ <bdi lang="fa" dir="rtl">دادگاه بدوی استکهلم</bdi>`);
    expect(pairs(html)).toEqual(["&#160;/ ", "&#160;/ "]);
  });

  test("a person, an event, a place and a proceeding named in the allegations: never a breakable space before the slash", () => {
    const html = renderDossierHtml(content({ type: "PERSON", id: "p1", name: "Hossein-Ali Nayyeri", nameFa: "حسینعلی نیری" }, [statement]), meta);
    // The subject, the allegation group's heading, and the link's event, place and proceeding.
    expect(pairs(html)).toHaveLength(5);
    for (const between of pairs(html)) expect(between).toBe("&#160;/ ");
    expect(html).not.toMatch(/<\/bdi> \/ /);
  });

  test("a court given only in Persian: the Persian alone, after the dash, with no slash before it", () => {
    const html = renderDossierHtml(content({ type: "PROCEEDING", id: "pr1", ...NOURI, court: "", courtFa: "دادگاه بدوی استکهلم", jurisdiction: "" }), meta);
    expect(html).toContain(`<bdi lang="fa" dir="rtl">${NOURI.titleFa}</bdi> — <bdi lang="fa" dir="rtl">دادگاه بدوی استکهلم</bdi>`);
  });
});

describe("the dossier PDF's labels in both languages", () => {
  test("a field is named 'English / Persian:' with the colon after the Persian, never inside it, and its value follows", () => {
    const html = renderDossierHtml(content({ type: "PERSON", id: "p1", name: "Hossein-Ali Nayyeri", nameFa: "حسینعلی نیری" }, [statement]), meta);
    const fa = (s: string) => `<bdi class="fa" lang="fa" dir="rtl">${s}</bdi>`;
    // A Persian label ending in its own colon shows the colon at its left, before the English: "Role: :نقش".
    expect(html).not.toMatch(/:<\/bdi>/);
    expect(html).toContain(`Role&#160;/ ${fa("نقش")}: `);
    expect(html).toContain(`revision&#160;/ ${fa("نسخه")}: 1`);
    expect(html).toContain(`witness&#160;/ ${fa("شاهد")}: `);
    expect(html).toContain(`status&#160;/ ${fa("وضعیت")}: `);
    // A sentence comes in English, then in Persian as a right-to-left line of its own.
    expect(html).toContain(`No sources.<span class="fa fa-line" lang="fa" dir="rtl">بدون منبع.</span>`);
    expect(html).toContain(".fa-line{display:block}");
  });

  test("in Persian the PDF and the package's README use the app's words: a statement is «شهادت‌نامه», a file «فایل», the dossier «پرونده»", () => {
    // The app's menus and pages say «شهادت‌نامه» for a statement; the export said «گواهی», and
    // «پرونده» for the package's files as well as for the dossier.
    const html = renderDossierHtml(content({ type: "PERSON", id: "p1", name: "Hossein-Ali Nayyeri", nameFa: "حسینعلی نیری" }, [statement]), meta);
    const readme = readmeText({ dossierId: "d1", exportId: "exp-1", exportedAt: meta.exportedAt });
    for (const text of [html, readme]) {
      expect(text).not.toContain("گواهی");
      expect(text).toContain("شهادت‌نامه");
      expect(text).not.toMatch(/پرونده‌(?:ها|ی)|پروندهٔ پیوست/);
    }
    expect(html).toContain("فایل‌های پیوست");
    expect(readme).toContain("همهٔ فایل‌ها با SHA-256");
  });
});

describe("the dossier PDF's cover: what it says of the subject", () => {
  const rows = (html: string) => [...html.matchAll(/<table class="subject">(.*?)<\/table>/gs)].flatMap((m) => [...m[1]!.matchAll(/<tr><th>(.*?)<\/th><td>(.*?)<\/td><\/tr>/g)].map((r) => [r[1]!.split("&#160;")[0], r[2]]));

  test("a person: other names, the summary and the current status, each in English and Persian as recorded", () => {
    const html = renderDossierHtml(
      content({ type: "PERSON", id: "p1", name: "Hamid Nouri", nameFa: "حمید نوری", aliases: ["Hamid Abbasi"], summary: "Assistant prosecutor at Gohardasht", summaryFa: "دادیار زندان گوهردشت", statusNotes: "Released in a prisoner exchange", statusNotesFa: "" }),
      meta,
    );
    expect(rows(html)).toEqual([
      ["Other names", "<bdi>Hamid Abbasi</bdi>"],
      ["Summary", `<p dir="auto">Assistant prosecutor at Gohardasht</p><p lang="fa" dir="rtl">دادیار زندان گوهردشت</p>`],
      ["Current status", `<p dir="auto">Released in a prisoner exchange</p>`],
    ]);
  });

  test("a proceeding: its case number, defendants, charges and status; a field not recorded has no row, and nothing recorded no table", () => {
    const html = renderDossierHtml(content({ type: "PROCEEDING", id: "pr1", ...NOURI, court: "", courtFa: "", jurisdiction: "", docket: "B 15255-19", defendants: [{ name: "Hamid Nouri", nameFa: "حمید نوری" }], charges: "", chargesFa: "جنایت جنگی", status: "" }), meta);
    expect(rows(html)).toEqual([
      ["Case number", "<bdi>B 15255-19</bdi>"],
      ["Defendants", `<bdi>Hamid Nouri</bdi>&#160;/ <bdi lang="fa" dir="rtl">حمید نوری</bdi>`],
      ["Charges", `<p lang="fa" dir="rtl">جنایت جنگی</p>`],
    ]);
    const bare = renderDossierHtml(content({ type: "PROCEEDING", id: "pr1", ...NOURI, court: "", courtFa: "", jurisdiction: "" }), meta);
    expect(bare).not.toContain('<table class="subject">');
  });
});


describe("the dossier PDF's statements, as a court reads them", () => {
  const fa: ExportStatement = {
    ...statement,
    exhibitNumber: "CF-0002",
    id: "s2",
    title: "گواهی ساختگی",
    language: "fa",
    text: "متن ساختگی دربارهٔ گوهردشت.",
    status: "CHANGES_REQUESTED",
    interviewDate: "۱۴۰۳/۰۵/۱۲",
    interviewDates: { gregorian: "2 August 2024", persian: "۱۲ مرداد ۱۴۰۳" },
    fictional: true,
    translations: [{ language: "en", translator: "Fictional Translator", text: "A fictional text about Gohardasht." }],
    grading: { decision: "CHANGES_REQUESTED", revisionNumber: 1, sourceReliability: "B", credibility: 2, decidedAt: "2026-12-01T00:00:00.000Z" },
  };
  const withChronology = (items: ExportContent["items"]): ExportContent => ({
    ...content({ type: "PROCEEDING", id: "pr1", ...NOURI, court: "", courtFa: "", jurisdiction: "" }, items),
    chronology: [{ id: "e1", title: "Ward emptied", titleFa: "", input: "1988-08-08", gregorian: "8 August 1988", persian: "۱۷ مرداد ۱۳۶۷", sortKey: "1988-08-08", origin: "event", citedBy: ["CF-0001", "CF-0002"] }],
  });
  const html = renderDossierHtml(withChronology([statement, fa]), meta);
  const section = (id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf("</section>", html.indexOf(`id="${id}"`)));

  test("a statement's translation is printed after its original, with its language and translator", () => {
    const s = section("CF-0002");
    expect(s).toContain("A fictional text about Gohardasht.");
    expect(s).toContain("Fictional Translator");
    expect(s.indexOf("متن ساختگی")).toBeLessThan(s.indexOf("A fictional text about Gohardasht."));
  });

  test("the interview's date as typed, then in both calendars", () => {
    expect(section("CF-0002")).toContain(`<bdi>۱۴۰۳/۰۵/۱۲</bdi> (2 August 2024 / <bdi lang="fa" dir="rtl">۱۲ مرداد ۱۴۰۳</bdi>)`);
  });

  test("a fictional sample says so, in both languages, at the statement and where it is cited; a real one does not", () => {
    expect(section("CF-0002")).toContain("FICTIONAL SAMPLE");
    expect(section("CF-0001")).not.toContain("FICTIONAL SAMPLE");
    expect(html.match(/FICTIONAL SAMPLE/g)?.length).toBe(1 + fa.links.length);
  });

  test("the chronology marks a citing statement that is not verified; the grades are named and the scales explained", () => {
    const row = html.slice(html.indexOf("Ward emptied"), html.indexOf("</tr>", html.indexOf("Ward emptied")));
    expect(row).toMatch(/CF-0001, CF-0002 <span class="warn">\(not verified/);
    expect(section("CF-0002")).toContain("B2 (Usually reliable");
    expect(html).toContain("Completely reliable");
    expect(html).toContain("Truth cannot be judged");
  });

  test("a package that names witnesses says so on its cover, with their codes; one that names none does not", () => {
    const revealed = renderDossierHtml({ ...withChronology([statement]), revealed: [{ id: "w1", code: "W-0001" }] }, meta);
    const cover = (h: string) => h.slice(0, h.indexOf('<div class="toc">'));
    expect(cover(revealed)).toContain("names 1 witness by legal name (W-0001)");
    expect(cover(html)).not.toContain("by legal name");
  });
});
