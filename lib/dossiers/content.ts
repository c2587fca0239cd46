import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/client";
import { formatFuzzyDate, isDateParseError, parseFuzzyDate, type CalendarName, type DateSpan, type Precision } from "@/lib/dates";
import { read } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { loadDossierRow } from "./dossiers";
import type {
  ChronologyEntry,
  ContentExhibit,
  ContentItem,
  ContentLink,
  ContentSource,
  ContentStatement,
  DossierContent,
  DossierSubject,
  DossierSubjectContent,
  DualDate,
  ExcludedItem,
  ItemKind,
} from "./schemas";
import { inSlices } from "@/lib/db/in-slices";
import { consentExclusion, consentFacts, exhibitExclusion, researchWithdrawnIn } from "./shared";

// The dossier's read model: what the preview shows and what the export packages. Consent is
// applied here, once: only statements (and witness-tied exhibits) whose witness's consent in
// force covers LEGAL_SHARING are in `items`; the rest are in `excluded` with the reason. No
// witness identity is read here at all — only pseudonym codes, witness ids and consent scopes,
// so the exporter can decide per witness (consent + policy "witness.reveal") what to reveal.

function both(span: DateSpan): { en: DualDate["en"]; fa: DualDate["fa"] } {
  try {
    const f = (calendar: CalendarName, locale: "en" | "fa") => formatFuzzyDate(span, { calendar, locale });
    return { en: { gregorian: f("gregorian", "en"), persian: f("persian", "en") }, fa: { gregorian: f("gregorian", "fa"), persian: f("persian", "fa") } };
  } catch {
    return { en: null, fa: null };
  }
}

/** A date as typed, shown in both calendars; the stored span is used when the text is re-read. */
export function dualDate(input: string, stored?: { earliest: string | null; latest: string | null; precision: string | null }, calendarFrom = input): DualDate {
  const parsed = parseFuzzyDate(calendarFrom);
  const calendar: CalendarName = isDateParseError(parsed) ? "gregorian" : parsed.calendar;
  const earliest = stored?.earliest ?? (isDateParseError(parsed) ? null : parsed.earliest);
  const latest = stored?.latest ?? (isDateParseError(parsed) ? null : parsed.latest);
  const precision = stored?.precision ?? (isDateParseError(parsed) ? null : parsed.precision);
  const shown = earliest && latest && precision ? both({ earliest, latest, precision: precision as Precision, calendar }) : { en: null, fa: null };
  return { input, earliest, latest, precision, ...shown };
}

/**
 * An event's range whose two ends were typed apart ("۱۳۶۷/۰۵/۱۷" to "شهریور ۱۳۶۷?"): each end read
 * on its own, so an end's "about" or "?" stays with that end, and the uncertain end is not shown
 * as the last day it could be. The span (earliest, latest) is the whole range's, as stored.
 */
export function dualRange(start: string, end: string, stored: { earliest: string | null; latest: string | null; precision: string | null }): DualDate {
  const whole = dualDate(`${start} – ${end}`, stored, start);
  const [a, b] = [dualDate(start), dualDate(end)];
  if (!a.en || !a.fa || !b.en || !b.fa) return whole;
  const join = (x: string, y: string) => (x === y ? x : `${x} – ${y}`);
  return {
    ...whole,
    en: { gregorian: join(a.en.gregorian, b.en.gregorian), persian: join(a.en.persian, b.en.persian) },
    fa: { gregorian: join(a.fa.gregorian, b.fa.gregorian), persian: join(a.fa.persian, b.fa.persian) },
  };
}

async function subjectContent(db: Tx, d: { subjectType: string; proceedingId: string | null; personId: string | null }): Promise<DossierSubjectContent> {
  if (d.subjectType === "PROCEEDING") {
    const p = await db.proceeding.findUnique({
      where: { id: d.proceedingId ?? "" },
      include: { defendants: { include: { person: { select: { id: true, name: true, nameFa: true } } } }, timeline: { orderBy: { date: "asc" } } },
    });
    if (!p) throw new AppError("NOT_FOUND", "The dossier's proceeding no longer exists.");
    return {
      type: "PROCEEDING",
      id: p.id,
      title: p.title,
      titleFa: p.titleFa,
      kind: p.kind,
      jurisdiction: p.jurisdiction,
      jurisdictionFa: p.jurisdictionFa,
      court: p.court,
      courtFa: p.courtFa,
      docket: p.docket,
      charges: p.charges,
      chargesFa: p.chargesFa,
      status: p.status,
      statusFa: p.statusFa,
      defendants: p.defendants.map((x) => x.person).sort((a, b) => a.name.localeCompare(b.name)),
      timeline: p.timeline.map((t) => ({ date: t.date, what: t.what, whatFa: t.whatFa, source: t.source })),
    };
  }
  const p = await db.person.findUnique({ where: { id: d.personId ?? "" }, include: { aliases: { orderBy: { name: "asc" } } } });
  if (!p) throw new AppError("NOT_FOUND", "The dossier's person no longer exists.");
  return { type: "PERSON", id: p.id, name: p.name, nameFa: p.nameFa, aliases: p.aliases.map((a) => a.name), summary: p.summary, summaryFa: p.summaryFa, statusNotes: p.statusNotes, statusNotesFa: p.statusNotesFa };
}

export async function loadDossierContent({ actor, dossierId }: { actor: Actor | null; dossierId: string }): Promise<DossierContent> {
  authorize(actor, "dossier.read");
  return read(async (db) => {
    const d = await loadDossierRow(db, dossierId);
    const creator = await db.user.findUnique({ where: { id: d.createdById }, select: { id: true, name: true } });
    const subject = await subjectContent(db, d);
    const rows = await db.dossierItem.findMany({ where: { dossierId }, orderBy: [{ position: "asc" }, { exhibitNumber: "asc" }] });
    const ids = (k: ItemKind) => rows.filter((r) => r.kind === k).map((r) => r.refId);

    const statements = await inSlices(ids("STATEMENT"), (slice) => db.statement.findMany({
      where: { id: { in: slice } },
      select: {
        id: true,
        title: true,
        language: true,
        status: true,
        fictional: true,
        revisionNumber: true,
        originalText: true,
        summary: true,
        interviewDate: true,
        witness: { select: { id: true, code: true, protectionLevel: true, fictional: true } },
      },
    }));
    const exhibits = await inSlices(ids("EXHIBIT"), (slice) =>
      db.exhibit.findMany({
        where: { id: { in: slice } },
        include: { blob: { select: { size: true, mime: true } }, links: { select: { statementId: true, witnessId: true, statement: { select: { witnessId: true } } } } },
      }),
    );
    const sources = await inSlices(ids("SOURCE"), (slice) => db.source.findMany({ where: { id: { in: slice } } }));
    const exhibitWitnesses = new Map(exhibits.map((e) => [e.id, [...new Set(e.links.flatMap((l) => [l.witnessId, l.statement?.witnessId].filter((x): x is string => !!x)))]]));
    const facts = await consentFacts(db, [...statements.map((s) => s.witness.id), ...[...exhibitWitnesses.values()].flat()]);
    // A researcher or reviewer reading the dossier does not read, here either, the testimony of a
    // witness who withdrew consent to internal research (lib/witnesses testimonyWitnessWhere): it
    // is left out for them as withdrawn, though a legal team's export may hold it.
    const withheldWitness = researchWithdrawnIn(actor, facts);
    const leftOut = (witnessId: string) => consentExclusion(facts.get(witnessId)) ?? (withheldWitness.has(witnessId) ? "CONSENT_WITHDRAWN" : null);

    // Only now, for the statements that may be shared, read their revisions, reviews and links.
    const shared = statements.filter((s) => !leftOut(s.witness.id));
    const sharedIds = shared.map((s) => s.id);
    const current = new Map(shared.map((s) => [s.id, s.revisionNumber]));
    const revisions = await inSlices(
      sharedIds,
      (slice) =>
        db.statementRevision.findMany({
          where: { OR: slice.map((id) => ({ statementId: id, number: current.get(id)! })) },
          select: { statementId: true, details: true, contentHash: true },
        }),
      200,
    );
    const reviews = (await inSlices(sharedIds, (slice) => db.review.findMany({ where: { statementId: { in: slice } } }))).sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
    );
    const links = await inSlices(sharedIds, (slice) => db.link.findMany({
      where: { statementId: { in: slice } },
      include: {
        person: { select: { id: true, name: true, nameFa: true } },
        event: { select: { id: true, title: true, titleFa: true } },
        place: { select: { id: true, name: true, nameFa: true } },
        proceeding: { select: { id: true, title: true, titleFa: true } },
      },
      orderBy: [{ startOffset: "asc" }, { createdAt: "asc" }],
    }));
    const revOf = new Map(revisions.map((r) => [r.statementId, r]));

    const statementContent = (s: (typeof statements)[number]): ContentStatement => {
      const rev = revOf.get(s.id);
      let translations: ContentStatement["translations"] = [];
      try {
        const det = JSON.parse(rev?.details ?? "{}") as { translations?: { language: string; translator: string; text: string }[] };
        translations = (det.translations ?? []).map((t) => ({ language: t.language, translator: t.translator, text: t.text }));
      } catch {
        translations = [];
      }
      const review = reviews.find((r) => r.statementId === s.id);
      const f = facts.get(s.witness.id)!;
      return {
        id: s.id,
        title: s.title,
        language: s.language,
        status: s.status,
        verified: s.status === "VERIFIED",
        fictional: s.fictional,
        revisionNumber: s.revisionNumber,
        revisionContentHash: rev?.contentHash ?? "",
        originalText: s.originalText,
        summary: s.summary,
        translations,
        interviewDate: s.interviewDate ? dualDate(s.interviewDate) : null,
        witness: { witnessId: s.witness.id, code: s.witness.code, protectionLevel: s.witness.protectionLevel, fictional: s.witness.fictional, consentScopes: [...f.scopes] },
        review: review
          ? {
              decision: review.decision,
              revisionNumber: review.revisionNumber,
              sourceReliability: review.sourceReliability,
              credibility: review.credibility,
              grade: review.sourceReliability && review.credibility ? `${review.sourceReliability}${review.credibility}` : null,
              decidedAt: review.createdAt.toISOString(),
              forCurrentRevision: review.revisionNumber === s.revisionNumber,
            }
          : null,
        links: links
          .filter((l) => l.statementId === s.id)
          .map(
            (l): ContentLink => ({
              id: l.id,
              revisionNumber: l.revisionNumber,
              startOffset: l.startOffset,
              endOffset: l.endOffset,
              quote: l.quote,
              anchor: l.anchor as ContentLink["anchor"],
              role: l.role,
              allegationType: l.allegationType,
              person: l.person,
              event: l.event,
              place: l.place,
              proceeding: l.proceeding,
              note: l.note,
            }),
          ),
      };
    };

    const st = new Map(statements.map((s) => [s.id, s]));
    const ex = new Map(exhibits.map((e) => [e.id, e]));
    const so = new Map(sources.map((s) => [s.id, s]));
    const items: ContentItem[] = [];
    const excluded: ExcludedItem[] = [];
    for (const r of rows) {
      const base = { itemId: r.id, position: r.position, exhibitNumber: r.exhibitNumber, note: r.note };
      const exclude = (reason: ExcludedItem["reason"], witnessCode: string | null = null) =>
        excluded.push({ itemId: r.id, kind: r.kind as ItemKind, refId: r.refId, exhibitNumber: r.exhibitNumber, reason, witnessCode });
      if (r.kind === "STATEMENT") {
        const s = st.get(r.refId);
        if (!s) exclude("RECORD_MISSING");
        else {
          const reason = leftOut(s.witness.id);
          if (reason) exclude(reason, s.witness.code);
          else items.push({ ...base, kind: "STATEMENT", statement: statementContent(s) });
        }
      } else if (r.kind === "EXHIBIT") {
        const e = ex.get(r.refId);
        if (!e) exclude("RECORD_MISSING");
        else {
          const witnesses = exhibitWitnesses.get(e.id) ?? [];
          // As for statements: a file tied only to withheld witnesses is left out for this reader.
          const reason = exhibitExclusion(witnesses, facts) ?? (witnesses.length > 0 && witnesses.every((w) => withheldWitness.has(w)) ? "CONSENT_WITHDRAWN" : null);
          if (reason) exclude(reason);
          else {
            const exhibit: ContentExhibit = {
              id: e.id,
              number: e.number,
              sha256: e.sha256,
              size: Number(e.blob.size),
              mime: e.blob.mime,
              originalName: e.originalName,
              description: e.description,
              // Only the statements and witnesses whose consent covers legal sharing are named.
              statementIds: [...new Set(e.links.filter((l) => l.statementId && !consentExclusion(facts.get(l.statement!.witnessId))).map((l) => l.statementId!))],
              witnessIds: [...new Set(e.links.filter((l) => l.witnessId && !consentExclusion(facts.get(l.witnessId))).map((l) => l.witnessId!))],
            };
            items.push({ ...base, kind: "EXHIBIT", exhibit });
          }
        }
      } else {
        const s = so.get(r.refId);
        if (!s) exclude("RECORD_MISSING");
        else {
          const source: ContentSource = {
            id: s.id,
            title: s.title,
            author: s.author,
            year: s.year,
            date: s.date,
            kind: s.kind,
            citation: s.citation,
            url: s.url,
            reliability: s.reliability,
            credibility: s.credibility,
            grade: s.reliability && s.credibility ? `${s.reliability}${s.credibility}` : null,
            gradingReason: s.gradingReason,
          };
          items.push({ ...base, kind: "SOURCE", source });
        }
      }
    }

    // Chronology: the events the included statements' links name, by date.
    const citing = new Map<string, Set<string>>();
    const personAllegations = new Map<string, { ref: { id: string; name: string; nameFa: string }; types: Set<string> }>();
    for (const it of items) {
      if (it.kind !== "STATEMENT") continue;
      for (const l of it.statement.links) {
        if (l.event) (citing.get(l.event.id) ?? citing.set(l.event.id, new Set()).get(l.event.id)!).add(it.exhibitNumber);
        const p = personAllegations.get(l.person.id) ?? { ref: l.person, types: new Set<string>() };
        p.types.add(l.allegationType);
        personAllegations.set(l.person.id, p);
      }
    }
    const events = await inSlices([...citing.keys()], (slice) =>
      db.event.findMany({ where: { id: { in: slice } }, include: { places: { include: { place: { select: { id: true, name: true, nameFa: true } } } } } }),
    );
    const chronology: ChronologyEntry[] = events
      .map((e) => ({
        eventId: e.id,
        title: e.title,
        titleFa: e.titleFa,
        date: e.dateEnd
          ? dualRange(e.dateStart, e.dateEnd, { earliest: e.earliest, latest: e.latest, precision: e.precision })
          : dualDate(e.dateStart, { earliest: e.earliest, latest: e.latest, precision: e.precision }, e.dateStart),
        dateEnd: e.dateEnd,
        places: e.places.map((p) => p.place).sort((a, b) => a.name.localeCompare(b.name)),
        citedBy: [...citing.get(e.id)!].sort(),
      }))
      .sort((a, b) => (a.date.earliest ?? "9999").localeCompare(b.date.earliest ?? "9999") || a.title.localeCompare(b.title));

    const statementItems = items.filter((i) => i.kind === "STATEMENT");
    return {
      dossier: {
        id: d.id,
        title: d.title,
        description: d.description,
        subjectType: d.subjectType as DossierSubject,
        createdBy: creator ?? { id: d.createdById, name: d.createdById },
        createdAt: d.createdAt.toISOString(),
        updatedAt: d.updatedAt.toISOString(),
      },
      subject,
      items,
      excluded,
      chronology,
      persons: [...personAllegations.values()].map((p) => ({ ...p.ref, allegationTypes: [...p.types].sort() })).sort((a, b) => a.name.localeCompare(b.name)),
      counts: {
        statements: statementItems.length,
        unverifiedStatements: statementItems.filter((i) => i.kind === "STATEMENT" && !i.statement.verified).length,
        exhibits: items.filter((i) => i.kind === "EXHIBIT").length,
        sources: items.filter((i) => i.kind === "SOURCE").length,
        excluded: excluded.length,
      },
      generatedAt: new Date().toISOString(),
    };
  });
}
