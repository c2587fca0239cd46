import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/client";
import { read } from "@/lib/db/write";
import { visibleExhibitWhere } from "@/lib/exhibits/shared";
import { search } from "@/lib/search";
import { parseInput } from "@/lib/validation";
import { LEGAL_SHARING_WHERE } from "@/lib/witnesses/witnesses";
import { sortForReader } from "@/lib/names";
import { loadDossierRow } from "./dossiers";
import { inSlices } from "@/lib/db/in-slices";

// What the builder offers to add: the subject's linked statements (any review state — the
// non-verified ones are marked) and the exhibits attached to them, or records found by a
// search. Only records that may go into a legal bundle are offered (consent covers legal
// sharing), and none already in the dossier.

export const ZCandidateQuery = z.object({
  q: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(200, { error: "too_long:200" }).optional()),
});

export type Candidates = {
  statements: { id: string; title: string; status: string; language: string; witnessCode: string; fictional: boolean }[];
  exhibits: { id: string; number: string; originalName: string; mime: string }[];
  sources: { id: string; title: string; author: string; grade: string | null }[];
};

const fold = (s: string) => s.normalize("NFKC").toLocaleLowerCase();

async function linkedStatementIds(db: Tx, d: { subjectType: string; proceedingId: string | null; personId: string | null }): Promise<string[]> {
  let where;
  if (d.subjectType === "PERSON") where = { personId: d.personId ?? "" };
  else {
    const id = d.proceedingId ?? "";
    const defendants = await db.proceedingDefendant.findMany({ where: { proceedingId: id }, select: { personId: true } });
    const events = await db.link.findMany({ where: { proceedingId: id, eventId: { not: null } }, select: { eventId: true }, distinct: ["eventId"] });
    where = { OR: [{ proceedingId: id }, { personId: { in: defendants.map((x) => x.personId) } }, { eventId: { in: events.map((e) => e.eventId!) } }] };
  }
  const links = await db.link.findMany({ where, select: { statementId: true } });
  return [...new Set(links.map((l) => l.statementId))];
}

export async function findDossierCandidates({ actor, dossierId, query }: { actor: Actor | null; dossierId: string; query?: unknown }): Promise<Candidates & { query: string | null }> {
  authorize(actor, "dossier.read");
  const { q } = parseInput(ZCandidateQuery, query ?? {});
  const hits = q
    ? await Promise.all([search({ actor, query: { q, type: "statement", pageSize: 50 } }), search({ actor, query: { q, type: "source", pageSize: 50 } })])
    : null;
  return read(async (db) => {
    const d = await loadDossierRow(db, dossierId);
    const inDossier = await db.dossierItem.findMany({ where: { dossierId }, select: { kind: true, refId: true } });
    const taken = new Set(inDossier.map((i) => `${i.kind}:${i.refId}`));
    const statementIds = hits ? hits[0].items.map((h) => h.id) : await linkedStatementIds(db, d);
    const statements = await inSlices(statementIds, (slice) =>
      db.statement.findMany({
        where: { id: { in: slice }, witness: LEGAL_SHARING_WHERE },
        select: { id: true, title: true, status: true, language: true, fictional: true, createdAt: true, witness: { select: { code: true } } },
      }),
    );
    const order = new Map(statementIds.map((id, i) => [id, i]));
    // Search results in the search's order; the linked ones in the order they were recorded.
    statements.sort((a, b) => (hits ? order.get(a.id)! - order.get(b.id)! : a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1)));

    // Exhibits: by search, their number, file name or description; otherwise those attached to
    // the subject's statements and to the statements already in the dossier.
    const select = { id: true, number: true, originalName: true, description: true, blob: { select: { mime: true } }, links: { select: { witnessId: true, statement: { select: { witnessId: true } } } } } as const;
    let exhibits = hits
      ? await db.exhibit.findMany({ where: visibleExhibitWhere(actor), select, orderBy: { number: "asc" }, take: 2000 })
      : await inSlices([...statements.map((s) => s.id), ...inDossier.filter((i) => i.kind === "STATEMENT").map((i) => i.refId)], (slice) =>
          db.exhibit.findMany({ where: { links: { some: { statementId: { in: slice } } }, ...visibleExhibitWhere(actor) }, select }),
        );
    exhibits = [...new Map(exhibits.map((e) => [e.id, e])).values()].sort((a, b) => (a.number < b.number ? -1 : 1));
    if (q) exhibits = exhibits.filter((e) => [e.number, e.originalName, e.description].some((f) => fold(f).includes(fold(q))));
    // Witness-tied exhibits go in only if some tied witness's consent covers legal sharing.
    const tied = [...new Set(exhibits.flatMap((e) => e.links.flatMap((l) => [l.witnessId, l.statement?.witnessId].filter((x): x is string => !!x))))];
    const sharing = new Set((await inSlices(tied, (slice) => db.witness.findMany({ where: { id: { in: slice }, ...LEGAL_SHARING_WHERE }, select: { id: true } }))).map((w) => w.id));
    exhibits = exhibits.filter((e) => {
      const ws = e.links.flatMap((l) => [l.witnessId, l.statement?.witnessId].filter((x): x is string => !!x));
      return ws.length === 0 || ws.some((w) => sharing.has(w));
    });

    const sourceIds = hits ? hits[1].items.map((h) => h.id) : [];
    const sources = sourceIds.length ? await db.source.findMany({ where: { id: { in: sourceIds } }, orderBy: { title: "asc" } }) : [];

    return {
      query: q ?? null,
      statements: statements
        .filter((s) => !taken.has(`STATEMENT:${s.id}`))
        .map((s) => ({ id: s.id, title: s.title, status: s.status, language: s.language, witnessCode: s.witness.code, fictional: s.fictional })),
      exhibits: exhibits.filter((e) => !taken.has(`EXHIBIT:${e.id}`)).map((e) => ({ id: e.id, number: e.number, originalName: e.originalName, mime: e.blob.mime })),
      sources: sources
        .filter((s) => !taken.has(`SOURCE:${s.id}`))
        .map((s) => ({ id: s.id, title: s.title, author: s.author, grade: s.reliability && s.credibility ? `${s.reliability}${s.credibility}` : null })),
    };
  });
}

/**
 * Proceedings and persons to build a dossier for (the "new dossier" picker). Both come by the name
 * (a proceeding: the title) the reader sees first, as a page in `locale` lists them (lib/names'
 * readerOrder: on a Persian page in Persian alphabetical order, those without a Persian one after them).
 */
export async function listDossierSubjects({ actor, locale = "en" }: { actor: Actor | null; locale?: string }) {
  authorize(actor, "dossier.read");
  return read(async (db) => ({
    proceedings: sortForReader((await db.proceeding.findMany({ select: { id: true, title: true, titleFa: true } })).map((p) => ({ ...p, name: p.title, nameFa: p.titleFa })), locale).map(({ id, title, titleFa }) => ({ id, title, titleFa })),
    persons: sortForReader(await db.person.findMany({ select: { id: true, name: true, nameFa: true } }), locale),
  }));
}
