import "server-only";
import type { Paged } from "@/lib/paging";
import { pageOfTitles } from "@/lib/registries/list-page";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Tx } from "@/lib/db/client";
import { isDateParseError, parseFuzzyDate } from "@/lib/dates";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { sortForReader } from "@/lib/names";
import { rankTitlesThenRead } from "@/lib/registries/rank";
import { ZRegistrySearchQuery } from "@/lib/registries/schemas";
import { parseInput } from "@/lib/validation";
import { ZCreateProceeding, ZUpdateProceeding, type ProceedingOut } from "./schemas";

const INCLUDE = {
  defendants: { include: { person: { select: { id: true, name: true, nameFa: true } } } },
  timeline: { orderBy: { id: "asc" } },
} as const;
type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

function load(db: Tx, id: string) {
  return db.proceeding.findUnique({ where: { id }, include: INCLUDE });
}

function spanOf(input: string) {
  const r = parseFuzzyDate(input);
  return isDateParseError(r) ? { earliest: null, latest: null } : { earliest: r.earliest, latest: r.latest };
}

function toOut(p: Loaded): ProceedingOut {
  const key = (s: string | null) => s ?? "9999-99-99";
  // Entries in date order; entries with the same span keep the order they were entered in.
  const timeline = p.timeline
    .map((t, i) => ({ id: t.id, date: t.date, ...spanOf(t.date), what: t.what, whatFa: t.whatFa, source: t.source, i }))
    .sort((a, b) => key(a.earliest).localeCompare(key(b.earliest)) || key(a.latest).localeCompare(key(b.latest)) || a.i - b.i)
    .map(({ i: _i, ...t }) => t);
  return {
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
    source: p.source,
    defendants: p.defendants.map((d) => d.person).sort((a, b) => a.name.localeCompare(b.name)),
    timeline,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const auditView = ({ id: _id, createdAt: _c, updatedAt: _u, defendants, timeline, ...rest }: ProceedingOut) => ({
  ...rest,
  defendantIds: defendants.map((d) => d.id),
  timeline: timeline.map(({ date, what, whatFa, source }) => ({ date, what, whatFa, source })),
});

async function assertTitleFree(tx: Tx, title: string, exceptId?: string) {
  const other = await tx.proceeding.findUnique({ where: { title }, select: { id: true } });
  if (other && other.id !== exceptId) throw new AppError("CONFLICT", "A proceeding with this title already exists.", { title: ["name_taken"] });
}

async function assertDefendantsExist(tx: Tx, ids: string[]) {
  if (!ids.length) return;
  const found = await tx.person.count({ where: { id: { in: ids } } });
  if (found !== ids.length) throw new AppError("INVALID_INPUT", "A defendant is not in the persons registry.", { defendantIds: ["not_found"] });
}

type Entry = { date: { input: string }; what: string; whatFa: string; source: string };
const entryRow = (e: Entry) => ({ date: e.date.input, what: e.what, whatFa: e.whatFa, source: e.source });

export async function createProceeding({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ProceedingOut> {
  authorize(actor, "registry.edit");
  const { defendantIds, timeline, ...data } = parseInput(ZCreateProceeding, input);
  return write(async (tx) => {
    await assertTitleFree(tx, data.title);
    await assertDefendantsExist(tx, defendantIds);
    const created = await tx.proceeding.create({
      data: {
        ...data,
        defendants: { create: defendantIds.map((personId) => ({ personId })) },
        timeline: { create: timeline.map(entryRow) },
      },
      include: INCLUDE,
    });
    const proceeding = toOut(created);
    await writeAudit(tx, { actor, action: "proceeding.create", recordType: "Proceeding", recordId: proceeding.id, after: auditView(proceeding) });
    return proceeding;
  });
}

/** PATCH: a field left out keeps its value; defendantIds and timeline, when given, replace the lists. */
export async function updateProceeding({ actor, proceedingId, input }: { actor: Actor | null; proceedingId: string; input: unknown }): Promise<ProceedingOut> {
  authorize(actor, "registry.edit");
  const { defendantIds, timeline, baseUpdatedAt, ...data } = parseInput(ZUpdateProceeding, input);
  return write(async (tx) => {
    const row = await load(tx, proceedingId);
    if (!row) throw new AppError("NOT_FOUND", "No such proceeding.");
    if (baseUpdatedAt && baseUpdatedAt !== row.updatedAt.toISOString())
      throw new AppError("CONFLICT", "This proceeding was changed since you opened it. Reload and edit again.", { baseUpdatedAt: ["stale_revision"] });
    if (data.title !== undefined) await assertTitleFree(tx, data.title, proceedingId);
    if (defendantIds) {
      await assertDefendantsExist(tx, defendantIds);
      await tx.proceedingDefendant.deleteMany({ where: { proceedingId } });
      await tx.proceedingDefendant.createMany({ data: defendantIds.map((personId) => ({ proceedingId, personId })) });
    }
    if (timeline) {
      await tx.proceedingStatusEntry.deleteMany({ where: { proceedingId } });
      // One at a time, so the ids (and with them the order of same-day entries) follow the input.
      for (const e of timeline) await tx.proceedingStatusEntry.create({ data: { proceedingId, ...entryRow(e) } });
    }
    await tx.proceeding.update({ where: { id: proceedingId }, data: { ...data, updatedAt: new Date() } });
    const after = toOut((await load(tx, proceedingId))!);
    await writeAudit(tx, { actor, action: "proceeding.update", recordType: "Proceeding", recordId: proceedingId, before: auditView(toOut(row)), after: auditView(after) });
    return after;
  });
}

export async function getProceeding({ actor, proceedingId }: { actor: Actor | null; proceedingId: string }): Promise<ProceedingOut> {
  authorize(actor, "registry.read");
  const row = await read((db) => load(db, proceedingId));
  if (!row) throw new AppError("NOT_FOUND", "No such proceeding.");
  return toOut(row);
}

/** Every proceeding, by title, with defendants and timeline. */
export async function listProceedings({ actor, query }: { actor: Actor | null; query?: unknown }): Promise<ProceedingOut[]> {
  authorize(actor, "registry.read");
  // The whole list (GET without q or limit): what else the address holds is refused, not ignored.
  if (query !== undefined) parseInput(ZRegistrySearchQuery, query);
  const rows = await read((db) => db.proceeding.findMany({ include: INCLUDE, orderBy: { title: "asc" } }));
  return rows.map(toOut);
}

export type ProceedingHit = ProceedingOut & { score: number; matched: string | null };

/**
 * The proceedings list a page at a time: by title, or with `q` the title search's hits, best first
 * (pageOfTitles). "By title" is as a page in `locale` lists records (lib/names' readerOrder): on a
 * Persian page by the Persian title in the order of the Persian alphabet, those without one after
 * them; otherwise (and by default: the API) by the English title. For the Persian order every
 * title is read and ordered before the page is cut (proceedings are few; the search reads them all too).
 */
export async function listProceedingPage({ actor, query, locale = "en" }: { actor: Actor | null; query?: unknown; locale?: string }): Promise<Paged<ProceedingHit>> {
  authorize(actor, "registry.read");
  const titles = async () => (await read((db) => db.proceeding.findMany({ select: { id: true, title: true, titleFa: true } }))).map((p) => ({ id: p.id, name: p.title, nameFa: p.titleFa, aliases: [] }));
  const byIds = async (ids: string[]) => (await read((db) => db.proceeding.findMany({ where: { id: { in: ids } }, include: INCLUDE }))).map(toOut);
  return pageOfTitles(query, {
    titles,
    count: () => read((db) => db.proceeding.count()),
    inOrder: async (skip, take) => {
      if (locale !== "fa") return (await read((db) => db.proceeding.findMany({ include: INCLUDE, orderBy: [{ title: "asc" }, { id: "asc" }], skip, take }))).map(toOut);
      const ids = sortForReader(await titles(), locale)
        .slice(skip, skip + take)
        .map((t) => t.id);
      const rows = new Map((await byIds(ids)).map((p) => [p.id, p]));
      return ids.map((id) => rows.get(id)).filter((p): p is ProceedingOut => !!p);
    },
    byIds,
  });
}

/**
 * Proceedings by title in any spelling lib/names matches (the search filter's suggestions and
 * GET /proceedings?q=), best first; titles are ranked from a light read, only the hits are read
 * in full. Without `q`: every proceeding by title, score 1.
 */
export async function searchProceedings({ actor, query }: { actor: Actor | null; query?: unknown }): Promise<ProceedingHit[]> {
  authorize(actor, "registry.read");
  const q = parseInput(ZRegistrySearchQuery, query ?? {});
  if (!q.q) return (await listProceedings({ actor })).slice(0, q.limit).map((p) => ({ ...p, score: 1, matched: null }));
  const titles = await read((db) => db.proceeding.findMany({ select: { id: true, title: true, titleFa: true } }));
  return rankTitlesThenRead(
    titles.map((p) => ({ id: p.id, name: p.title, nameFa: p.titleFa, aliases: [] })),
    q.q,
    q.limit,
    async (ids) => (await read((db) => db.proceeding.findMany({ where: { id: { in: ids } }, include: INCLUDE }))).map(toOut),
  );
}
