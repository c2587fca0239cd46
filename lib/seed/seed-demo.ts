import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { isDateParseError, parseFuzzyDate } from "@/lib/dates";
import { read, write } from "@/lib/db/write";
import type { ProceedingKind } from "@/lib/proceedings/schemas";
import { createLink } from "@/lib/links";
import { CHECKLIST } from "@/lib/review/schemas";
import { decideReview, submitStatement, takeForReview } from "@/lib/review/workflow";
import { createStatement } from "@/lib/statements/statements";
import { createUser } from "@/lib/users/users";
import { createWitness } from "@/lib/witnesses/witnesses";
import { DEMO_USERS } from "./demo-users";
import { FICTIONAL_LINK_NOTE, SAMPLE_STATEMENTS, SAMPLE_WITNESSES, type SampleLink, type SampleReview, type SampleStatement } from "./fictional-samples";
import record from "./public-record-1988.json";

// The demo data: the public record of 1988 (copied from the project's shared data) and the
// fictional samples, linked to the public record's officials, events, places and proceedings. Used by `npm start` on an empty database and by the browser tests,
// so the demo and the tests see the same data. Every record is written through the same
// transaction-and-audit path as a user's edit.

export async function isEmpty(): Promise<boolean> {
  return read(async (db) => (await db.user.count()) === 0);
}

function spanOf(input: string | undefined | null) {
  if (!input) return null;
  const r = parseFuzzyDate(input);
  return isDateParseError(r) ? null : r;
}

function positionSpan(from?: string | null, to?: string | null) {
  const a = spanOf(from);
  const b = spanOf(to);
  return { fromEarliest: a?.earliest ?? null, toLatest: b?.latest ?? null, precision: a?.precision ?? null };
}

type Audited = { recordType: string; id: string; after: unknown };

/** The public record names kinds in words; the registry keeps them as PROCEEDING_KINDS codes. */
const PROCEEDING_KIND: Record<string, ProceedingKind> = {
  "criminal trial": "CRIMINAL_TRIAL",
  "people's tribunal": "TRIBUNAL",
  tribunal: "TRIBUNAL",
  "UN mechanism": "UN_MECHANISM",
  "truth commission": "TRUTH_COMMISSION",
};

/**
 * Each proceeding's latest status, in the registry's one status field, as the public record's
 * timeline for it and the public overview (shared/seed/1988-executions-overview.txt) give it:
 * the record has the timeline but no status of its own.
 */
export const PROCEEDING_STATUS: Record<string, string> = {
  "Prosecution of Hamid Nouri (Sweden)": "Life sentence upheld on appeal (December 2023); released to Iran in a prisoner exchange (June 2024)",
  "Iran Tribunal": "Hearings held in London and at the Peace Palace, The Hague (2012)",
  "UN Special Rapporteur on Iran: atrocity crimes report": "Report published (July 2024)",
};

/** The same statuses in Persian, for the Persian pages (dates as the English gives them, in Persian digits). */
export const PROCEEDING_STATUS_FA: Record<string, string> = {
  "Prosecution of Hamid Nouri (Sweden)": "حکم حبس ابد در تجدیدنظر تأیید شد (دسامبر ۲۰۲۳)؛ در مبادلهٔ زندانیان به ایران فرستاده شد (ژوئن ۲۰۲۴)",
  "Iran Tribunal": "جلسه‌های رسیدگی در لندن و در کاخ صلح لاهه برگزار شد (۲۰۱۲)",
  "UN Special Rapporteur on Iran: atrocity crimes report": "گزارش منتشر شد (ژوئیهٔ ۲۰۲۴)",
};

/**
 * The charges, where the public record or the overview states them: for Hamid Nouri the overview
 * quotes the charge ("torturing prisoners and subjecting them to inhumane conditions"), and the
 * record's timeline repeats it. Only that: the other counts of the Swedish indictment are in
 * neither, so the demo does not state them.
 */
export const PROCEEDING_CHARGES: Record<string, { en: string; fa: string }> = {
  "Prosecution of Hamid Nouri (Sweden)": {
    en: "Torturing prisoners and subjecting them to inhumane conditions (the charge as the public overview quotes it).",
    fa: "شکنجهٔ زندانیان و نگه‌داشتن آنان در شرایط غیرانسانی (اتهام، چنان‌که گزارش عمومی نقل می‌کند).",
  },
};

/** The public record's proceedings, with the Persian texts this copy of it adds (title_fa, …). */
type RecordProceeding = (typeof record.proceedings)[number] & { title_fa?: string; jurisdiction_fa?: string; court_fa?: string };

/** What the public record calls its overview of the events ("seed"), as a reader should see it. */
export const OVERVIEW_SOURCE = "Public overview of the 1988 prison executions (demo reference data)";
const sourceText = (source: string) => source.replace(/^seed\b/, OVERVIEW_SOURCE);

/** The public record's ids by what the samples name them: persons by key, events and proceedings by title, places by name. */
type RecordIds = { persons: Map<string, string>; events: Map<string, string>; places: Map<string, string>; proceedings: Map<string, string> };

async function importRegistries(): Promise<RecordIds> {
  return write(async (tx) => {
    const created: Audited[] = [];
    const personIds = new Map<string, string>();
    for (const p of record.persons) {
      const person = await tx.person.create({
        data: {
          key: p.key,
          name: p.name,
          nameFa: p.name_fa,
          summary: p.role_1988,
          summaryFa: p.role_1988_fa,
          source: sourceText(p.source),
          aliases: { create: p.aliases.map((name) => ({ name, note: "public record" })) },
          positions: { create: p.positions.map((x) => ({ title: x.title, titleFa: x.title_fa ?? "", fromDate: x.from, toDate: x.to, ...positionSpan(x.from, x.to) })) },
        },
      });
      personIds.set(p.key, person.id);
      created.push({ recordType: "Person", id: person.id, after: { name: p.name, nameFa: p.name_fa, aliases: p.aliases } });
    }
    for (const o of record.organisations) {
      const org = await tx.organisation.create({ data: { name: o.name, nameFa: o.name_fa, aliases: JSON.stringify(o.aliases), note: o.note ?? "" } });
      created.push({ recordType: "Organisation", id: org.id, after: { name: o.name } });
    }
    const placeIds = new Map<string, string>();
    for (const pl of record.places) {
      const place = await tx.place.create({
        data: { name: pl.name, nameFa: pl.name_fa, aliases: JSON.stringify(pl.aliases ?? []), city: pl.city ?? "", note: pl.note ?? "" },
      });
      placeIds.set(pl.name, place.id);
      created.push({ recordType: "Place", id: place.id, after: { name: pl.name } });
    }
    const eventIds = new Map<string, string>();
    for (const ev of record.events) {
      const places = (ev.places ?? []).map((n) => placeIds.get(n)).filter((x): x is string => !!x);
      const event = await tx.event.create({
        data: {
          title: ev.title,
          titleFa: ev.title_fa ?? "",
          dateStart: ev.date,
          dateEnd: ev.date_end ?? null,
          precision: ev.precision,
          earliest: spanOf(ev.date)?.earliest ?? null,
          latest: spanOf(ev.date_end ?? ev.date)?.latest ?? null,
          source: sourceText(ev.source),
          places: { create: places.map((placeId) => ({ placeId })) },
        },
      });
      eventIds.set(ev.title, event.id);
      created.push({ recordType: "Event", id: event.id, after: { title: ev.title, titleFa: ev.title_fa ?? "", date: ev.date } });
    }
    const proceedingIds = new Map<string, string>();
    for (const pr of record.proceedings as RecordProceeding[]) {
      const charges = PROCEEDING_CHARGES[pr.title];
      const proceeding = await tx.proceeding.create({
        data: {
          title: pr.title,
          titleFa: pr.title_fa ?? "",
          kind: PROCEEDING_KIND[pr.kind] ?? "OTHER",
          jurisdiction: pr.jurisdiction ?? "",
          jurisdictionFa: pr.jurisdiction_fa ?? "",
          court: pr.court ?? "",
          courtFa: pr.court_fa ?? "",
          charges: charges?.en ?? "",
          chargesFa: charges?.fa ?? "",
          status: PROCEEDING_STATUS[pr.title] ?? "",
          statusFa: PROCEEDING_STATUS_FA[pr.title] ?? "",
          source: sourceText(pr.source),
          defendants: { create: (pr.defendants ?? []).flatMap((k) => (personIds.has(k) ? [{ personId: personIds.get(k)! }] : [])) },
          timeline: {
            create: (pr.timeline ?? []).map((t: { date: string; what: string; what_fa?: string; source?: string }) => ({ date: t.date, what: t.what, whatFa: t.what_fa ?? "", source: t.source ?? "" })),
          },
        },
      });
      proceedingIds.set(pr.title, proceeding.id);
      created.push({ recordType: "Proceeding", id: proceeding.id, after: { title: pr.title, titleFa: pr.title_fa ?? "" } });
    }
    const sources: { id: string; author: string; year: number | null; kind: string }[] = [];
    for (const s of record.sources) {
      const source = await tx.source.create({
        data: { title: s.title, author: s.author ?? "", year: s.year ?? null, date: s.date ?? null, kind: s.kind ?? "", note: s.note ?? "" },
      });
      sources.push({ id: source.id, author: source.author, year: source.year, kind: source.kind });
      created.push({ recordType: "Source", id: source.id, after: { title: s.title } });
    }
    for (const c of record.death_toll_estimates) {
      const sourceId = claimSource(sources, c.by, c.year ?? null);
      const claim = await tx.claim.create({
        data: { topic: "death-toll-1988", claimedBy: c.by, low: c.low, high: c.high, year: c.year ?? null, note: c.note ?? "", sourceId },
      });
      created.push({ recordType: "Claim", id: claim.id, after: { claimedBy: c.by, low: c.low, high: c.high, sourceId } });
    }
    for (const c of created) {
      await writeAudit(tx, { actor: "system", action: "seed.import", recordType: c.recordType, recordId: c.id, after: c.after });
    }
    return { persons: personIds, events: eventIds, places: placeIds, proceedings: proceedingIds };
  });
}

/** The id of what a sample link names in the public record; a name the record lacks is a mistake in the samples. */
function recordId(ids: Map<string, string>, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const id = ids.get(name);
  if (!id) throw new Error(`The fictional samples name "${name}", which the public record does not have.`);
  return id;
}

/**
 * A sample's links, made as the linking feature makes them (createLink: the quote checked against
 * the statement's first revision at its offsets, audited). Each quote must occur once in the text.
 */
async function linkSample(actor: Actor, statement: { id: string; originalText: string; language: string }, links: SampleLink[], ids: RecordIds) {
  for (const l of links) {
    const start = statement.originalText.indexOf(l.quote);
    if (start < 0 || statement.originalText.indexOf(l.quote, start + 1) >= 0) throw new Error(`A fictional sample's link quote is not found exactly once in its text: "${l.quote}".`);
    await createLink({
      actor,
      input: {
        statementId: statement.id,
        revisionNumber: 1,
        startOffset: start,
        endOffset: start + l.quote.length,
        quote: l.quote,
        personId: recordId(ids.persons, l.person),
        role: l.role,
        allegationType: l.allegationType,
        eventId: recordId(ids.events, l.event),
        placeId: recordId(ids.places, l.place),
        proceedingId: recordId(ids.proceedings, l.proceeding),
        note: FICTIONAL_LINK_NOTE[statement.language as SampleStatement["language"]],
      },
    });
  }
}

/** Where `quote` lies in `text` (exactly once), as a review comment points at it. */
function passage(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0 || text.indexOf(quote, start + 1) >= 0) throw new Error(`A fictional sample's review quote is not found exactly once in its text: "${quote}".`);
  return { startOffset: start, endOffset: start + quote.length, quote };
}

/**
 * Brings a sample to its review state through the workflow, as the demo's people would: the
 * author submits it, and for a decision the reviewer takes it and decides on revision 1 (a
 * verification with the whole checklist done).
 */
async function reviewSample(author: Actor, reviewer: Actor, statement: { id: string; originalText: string }, review: SampleReview) {
  await submitStatement({ actor: author, statementId: statement.id });
  if (review.state === "SUBMITTED") return;
  await takeForReview({ actor: reviewer, statementId: statement.id });
  const comment = review.comment && { text: review.comment.text, ...(review.comment.quote ? passage(statement.originalText, review.comment.quote) : {}) };
  await decideReview({
    actor: reviewer,
    statementId: statement.id,
    input: {
      revisionNumber: 1,
      decision: review.state,
      checklist: Object.fromEntries(CHECKLIST.map((k) => [k, review.state === "VERIFIED"])),
      ...(review.state === "VERIFIED" ? review.grade : {}),
      comments: comment ? [comment] : [],
    },
  });
}

/**
 * The public record lists claims and sources apart. A claim is tied to a source only where the
 * record leaves no doubt: the source's author (by surname) made the claim in the source's year,
 * or the claim cites the author's memoir. Others keep no source rather than a guessed one.
 */
function claimSource(sources: { id: string; author: string; year: number | null; kind: string }[], by: string, year: number | null): string | null {
  const hits = sources.filter((s) => {
    const surname = s.author.split(/\s+/).pop() ?? "";
    if (surname.length < 3 || !by.includes(surname)) return false;
    return year !== null ? s.year === year : s.kind === "memoir";
  });
  return hits.length === 1 ? hits[0]!.id : null;
}

/** Loads the demo data into an empty database. Returns false (and does nothing) if it is not empty. */
export async function seedDemo(): Promise<boolean> {
  if (!(await isEmpty())) return false;
  const users = new Map<string, Actor>();
  for (const u of DEMO_USERS) {
    const created = await createUser({ actor: "system", input: u });
    users.set(u.role, { id: created.id, email: created.email, name: created.name, role: u.role });
  }
  const ids = await importRegistries();
  const researcher = users.get("RESEARCHER")!;
  const reviewer = users.get("REVIEWER")!;
  const witnesses = [];
  for (const w of SAMPLE_WITNESSES) witnesses.push(await createWitness({ actor: researcher, input: { ...w, fictional: true } }));
  for (const s of SAMPLE_STATEMENTS) {
    const { witness, links, review, ...rest } = s;
    const statement = await createStatement({ actor: researcher, input: { ...rest, witnessId: witnesses[witness].id } });
    await linkSample(researcher, statement, links, ids);
    if (review) await reviewSample(researcher, reviewer, statement, review);
  }
  return true;
}
