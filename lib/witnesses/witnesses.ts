import "server-only";
import { randomUUID } from "node:crypto";
import { cache } from "react";
import { z } from "zod";
import { Prisma } from "@/generated/sqlite/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { rawAll, type Tx } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { DATE_ERRORS, isDateParseError, parseFuzzyDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { parseInput, ZPage, ZPageSize, zQuery, zString, zText } from "@/lib/validation";
import { clampPage, pageSizeOf, type Paged } from "@/lib/paging";
import { codeAsTyped, codeFilter } from "./code";
import { CONSENT_SCOPES, decryptIdentity, encryptIdentity, IDENTITY_FIELDS, recordedFields, ZIdentity, type IdentityField } from "./identity";

export { codeFilter };

export const PROTECTION_LEVELS = ["STANDARD", "CONFIDENTIAL", "PROTECTED"] as const;
export const CONSENT_METHODS = ["WRITTEN", "ORAL_RECORDED", "ORAL_WITNESSED", "ELECTRONIC"] as const;

// An ISO 8601 date-time with its zone, as the API answers a consent's givenAt (zod's check knows
// each month's length and the leap years).
const ISO_MOMENT = z.iso.datetime({ offset: true });

/**
 * The day a consent was given: one day, read as dates are everywhere (lib/dates: 2024-01-10,
 * ۱۴۰۲/۱۰/۲۰ or 20 Dey 1402; the forms send the day they read as 2024-01-10), or an ISO 8601
 * date-time with its zone, so that a client can send back what it was answered. z.coerce.date
 * took whatever Date() does: null, true and 0 as days of 1970, "2024" as 1 January, "1" as 2001,
 * 1988-02-30 as 1 March and 1367-12-30 as a day of the year 1367 AD. A month, a season or an
 * approximate date is refused rather than rounded to a day.
 */
const zConsentGivenAt = z
  .string({ error: (issue) => (issue.input === undefined ? "required" : "invalid_date") })
  .trim()
  .transform((s, ctx): Date => {
    if (ISO_MOMENT.safeParse(s).success) {
      const moment = new Date(s);
      // lib/dates reads no Gregorian year before 1800; no consent was given before then.
      if (moment.getUTCFullYear() >= 1800) return moment;
      ctx.addIssue({ code: "custom", message: DATE_ERRORS.yearOutOfRange });
      return z.NEVER;
    }
    if (/^\d{4}-\d{2}-\d{2}T/.test(s)) {
      // Meant as a date-time, but not a whole one (no zone, say) or not on a day the calendar has.
      const day = parseFuzzyDate(s.slice(0, 10));
      ctx.addIssue({ code: "custom", message: isDateParseError(day) && (day.error === DATE_ERRORS.impossible || day.error === DATE_ERRORS.monthImpossible) ? day.error : "invalid_date" });
      return z.NEVER;
    }
    const day = parseFuzzyDate(s);
    // Text that is no date is told what a consent date looks like (lib/dates' own sentence offers
    // a month or a season, which are no days); so is the "" the forms send for a date they could
    // not read as one day. An impossible or ambiguous day keeps lib/dates' more telling key.
    if (isDateParseError(day)) ctx.addIssue({ code: "custom", message: day.error === DATE_ERRORS.empty || day.error === DATE_ERRORS.unparseable ? "invalid_date" : day.error });
    else if (day.precision !== "day") ctx.addIssue({ code: "custom", message: "date_not_day" });
    else return new Date(`${day.earliest}T00:00:00Z`);
    return z.NEVER;
  })
  .meta({
    description: "The day the consent was given: 2024-01-10 (or a day of the Solar Hijri calendar, e.g. 1402-10-20 or 20 Dey 1402), or an ISO 8601 date-time with its zone",
    examples: ["2024-01-10"],
  })
  .refine((d) => d.getTime() <= Date.now() + 86_400_000, { error: "date_in_future" });

export const ZConsentGrant = z.object({
  scope: z.enum(CONSENT_SCOPES, { error: "invalid_choice" }),
  givenAt: zConsentGivenAt,
  method: z.enum(CONSENT_METHODS, { error: "invalid_choice" }),
  note: z.string().trim().max(2000, { error: "too_long:2000" }).default(""),
});

export const ZCreateWitness = z.object({
  protectionLevel: z.enum(PROTECTION_LEVELS, { error: "invalid_choice" }).default("STANDARD"),
  notes: zString().trim().max(5000, { error: "too_long:5000" }).default(""),
  fictional: z.boolean().default(false),
  identity: ZIdentity.optional(),
  consents: z.array(ZConsentGrant).max(10).optional(),
});

export const ZUpdateWitness = z.object({
  protectionLevel: z.enum(PROTECTION_LEVELS, { error: "invalid_choice" }).optional(),
  notes: z.string().trim().max(5000, { error: "too_long:5000" }).optional(),
  identity: ZIdentity.optional(),
  // The same person recorded twice (say, interviewed by two organisations): the code of the
  // other witness record, or "" to undo. Corroboration then counts the two records once.
  sameAsCode: z
    .string()
    .trim()
    .overwrite(codeAsTyped)
    .regex(/^(W-\d{4,})?$/, { error: "invalid_witness_code" })
    .optional(),
})
  // An update naming no field changed nothing and would still have written an audit entry.
  // An identity that names no field ({}) changes nothing either: it must not be recorded as a change.
  .refine((v) => Object.entries(v).some(([k, x]) => x !== undefined && !(k === "identity" && Object.values(x as object).every((f) => f === undefined))), { error: "nothing_to_change" });

export const ZReveal = z.object({ reason: zText(1000) });
export const ZWithdraw = z.object({ note: z.string().trim().max(2000, { error: "too_long:2000" }).default("") });

// What the JSON API answers (and the OpenAPI document describes). Identity appears only in
// ZRevealOut, the answer to an audited reveal.
const zIso = z.string().describe("ISO 8601 date-time");
export const ZConsentOut = z.object({
  id: z.string(),
  witnessId: z.string(),
  scope: z.enum(CONSENT_SCOPES),
  givenAt: zIso,
  method: z.enum(CONSENT_METHODS),
  note: z.string(),
  recordedById: z.string(),
  recordedAt: zIso,
  withdrawnAt: zIso.nullable(),
  withdrawnById: z.string().nullable(),
  withdrawNote: z.string(),
});
export const ZWitnessOut = z.object({
  id: z.string(),
  code: z.string(),
  protectionLevel: z.enum(PROTECTION_LEVELS),
  fictional: z.boolean(),
  notes: z.string(),
  createdAt: zIso,
  createdById: z.string(),
  identityFields: z.array(z.enum(IDENTITY_FIELDS)).describe("Which identity fields are recorded; never their values"),
  consents: z.array(ZConsentOut).describe("Every grant, newest first, withdrawn ones included"),
  activeConsent: z.array(z.enum(CONSENT_SCOPES)).describe("Scopes in force"),
  statements: z.array(z.object({ id: z.string(), title: z.string(), language: z.string(), status: z.string(), revisionNumber: z.number().int() })),
  testimonyWithheld: z.boolean().describe("True when the witness withdrew consent to internal research and the reader is a researcher or reviewer: `statements` is then empty, and their statements do not exist for the reader"),
  mayReveal: z.boolean(),
  mayEdit: z.boolean(),
});
export const ZRevealOut = z.object({
  code: z.string(),
  identity: z.object(Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, z.string().optional()])) as Record<IdentityField, z.ZodOptional<z.ZodString>>).describe("Only the recorded fields"),
});

type ConsentRow = {
  id: string;
  witnessId: string;
  scope: string;
  givenAt: Date;
  method: string;
  note: string;
  recordedById: string;
  createdAt: Date;
  withdrawnAt: Date | null;
  withdrawnById: string | null;
  withdrawNote: string;
};

export function consentOut(c: ConsentRow): z.infer<typeof ZConsentOut> {
  return {
    id: c.id,
    witnessId: c.witnessId,
    scope: c.scope as z.infer<typeof ZConsentOut>["scope"],
    givenAt: c.givenAt.toISOString(),
    method: c.method as z.infer<typeof ZConsentOut>["method"],
    note: c.note,
    recordedById: c.recordedById,
    recordedAt: c.createdAt.toISOString(),
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    withdrawnById: c.withdrawnById,
    withdrawNote: c.withdrawNote,
  };
}

export function witnessOut(w: Awaited<ReturnType<typeof getWitness>>): z.infer<typeof ZWitnessOut> {
  return {
    id: w.id,
    code: w.code,
    protectionLevel: w.protectionLevel as z.infer<typeof ZWitnessOut>["protectionLevel"],
    fictional: w.fictional,
    notes: w.notes,
    createdAt: w.createdAt.toISOString(),
    createdById: w.createdBy.id,
    identityFields: w.identityFields,
    consents: w.consents.map(consentOut),
    activeConsent: w.activeConsent as z.infer<typeof ZWitnessOut>["activeConsent"],
    statements: w.statements,
    testimonyWithheld: w.testimonyWithheld,
    mayReveal: w.mayReveal,
    mayEdit: w.mayEdit,
  };
}

export function witnessCode(n: number): string {
  return `W-${String(n).padStart(4, "0")}`;
}

/** Next free pseudonym code; runs inside the write transaction, so codes never repeat. */
async function nextCode(tx: Tx): Promise<string> {
  const last = await tx.witness.findFirst({ orderBy: { code: "desc" }, select: { code: true } });
  const n = last ? Number.parseInt(last.code.slice(2), 10) : 0;
  return witnessCode(n + 1);
}

/**
 * Consent scopes in force for a witness: a scope is in force while it has a grant that is not
 * withdrawn. Withdrawing a scope stamps every open grant of it, so this and
 * LEGAL_SHARING_WHERE below always agree.
 */
export async function activeConsentScopes(db: Tx, witnessId: string): Promise<Set<string>> {
  const rows = await db.consent.findMany({ where: { witnessId, withdrawnAt: null }, select: { scope: true } });
  return new Set(rows.map((r) => r.scope));
}

/** Witnesses whose consent in force covers sharing with legal teams (for legal views). */
export const LEGAL_SHARING_WHERE = { consents: { some: { scope: "LEGAL_SHARING", withdrawnAt: null } } } as const;

/**
 * The witnesses `actor` may read in lists, counts and lookups by code: everyone for most roles,
 * for a legal team only those whose consent in force covers legal sharing. The one home of that
 * rule for the reads below; getWitness and revealIdentity check the same consent on one record.
 */
export function legalWitnessWhere(actor: Actor): Prisma.WitnessWhereInput {
  return actor.role === "LEGAL" ? LEGAL_SHARING_WHERE : {};
}

/** LEGAL_SHARING_WHERE in SQL, for raw reads: the witness whose id is `witnessId` (a column) has that consent in force. */
export function legalSharingSql(witnessId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Consent" c WHERE c."witnessId" = ${witnessId} AND c."scope" = 'LEGAL_SHARING' AND c."withdrawnAt" IS NULL)`;
}

/**
 * Witnesses who withdrew their consent to internal research and have not given it again: a grant
 * of the scope was withdrawn (withdrawing stamps every open grant of it) and none is in force. A
 * witness with no research grant recorded yet is not one of them: testimony is recorded at the
 * interview, with its consent, and what the issue asks is that testimony be gone for researchers
 * and reviewers once the consent it was given under "no longer covers" them.
 */
export const RESEARCH_WITHDRAWN_WHERE = {
  AND: [{ consents: { some: { scope: "INTERNAL_RESEARCH", withdrawnAt: { not: null } } } }, { consents: { none: { scope: "INTERNAL_RESEARCH", withdrawnAt: null } } }],
} satisfies Prisma.WitnessWhereInput;

/** RESEARCH_WITHDRAWN_WHERE in SQL: the ids of those witnesses, for `NOT IN` (uncorrelated, so a database reads it once per query). */
const RESEARCH_WITHDRAWN_IDS = Prisma.sql`SELECT rw."witnessId" FROM "Consent" rw WHERE rw."scope" = 'INTERNAL_RESEARCH' AND rw."withdrawnAt" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "Consent" rg WHERE rg."witnessId" = rw."witnessId" AND rg."scope" = 'INTERNAL_RESEARCH' AND rg."withdrawnAt" IS NULL)`;

/**
 * Whose testimony `actor` may read — their statements, the links and exhibits that come from them,
 * the counts and search results that include them — as a condition on the witness:
 * - an admin, the archive's custodian, reads all of it;
 * - a legal team only testimony whose witness's consent in force covers legal sharing;
 * - researchers and reviewers all but that of witnesses who withdrew consent to internal research
 *   (RESEARCH_WITHDRAWN_WHERE), their own interviews included.
 * Undefined: no condition. The witness records themselves stay listed for researchers (by code,
 * with their consent history), so the one who recorded the witness can record a renewed consent.
 */
export function testimonyWitnessWhere(actor: Actor): Prisma.WitnessWhereInput | undefined {
  if (actor.role === "LEGAL") return LEGAL_SHARING_WHERE;
  return readsUnderResearchConsent(actor) ? { NOT: RESEARCH_WITHDRAWN_WHERE } : undefined;
}

/** Whether `actor` reads testimony under the witnesses' consent to internal research (researchers and reviewers). */
export function readsUnderResearchConsent(actor: Actor): boolean {
  return actor.role === "RESEARCHER" || actor.role === "REVIEWER";
}

/** testimonyWitnessWhere in SQL, for raw reads: a condition on `witnessId` (a column), or null for none. */
export function testimonySql(actor: Actor, witnessId: Prisma.Sql): Prisma.Sql | null {
  if (actor.role === "LEGAL") return legalSharingSql(witnessId);
  return readsUnderResearchConsent(actor) ? Prisma.sql`${witnessId} NOT IN (${RESEARCH_WITHDRAWN_IDS})` : null;
}

/**
 * For researchers and reviewers, the ids of the witnesses whose testimony they may not read, read
 * now (mostly none; a few): null for the other roles. For the lists and counts over every
 * statement, where a condition by relation (testimonyWitnessWhere) made the database read each
 * statement's witness: 10 → 72 ms for the statements list of 20,000, 11 → 82 ms for the dashboard.
 */
export async function withheldWitnessIds(actor: Actor): Promise<string[] | null> {
  return readsUnderResearchConsent(actor) ? readWithheldWitnessIds() : null;
}

/** Read once per page render (the dashboard asks for its counts and its newest statements); each API call reads afresh. */
const readWithheldWitnessIds = cache(async (): Promise<string[]> => [...new Set((await rawAll<{ witnessId: string }>(RESEARCH_WITHDRAWN_IDS)).map((r) => r.witnessId))]);

/**
 * testimonyWitnessWhere as a condition on Statement, for lists and counts: by relation for a legal
 * team, by the few withheld witnesses' ids for researchers and reviewers (nothing when there are
 * none), nothing for an admin.
 */
export async function testimonyStatementWhere(actor: Actor): Promise<Prisma.StatementWhereInput> {
  if (actor.role === "LEGAL") return { witness: LEGAL_SHARING_WHERE };
  const withheld = await withheldWitnessIds(actor);
  return withheld?.length ? { witnessId: { notIn: withheld } } : {};
}

/** The columns of a withheld witness's statement that the lists and counts filter on. */
export type StatementFacets = { status: string; language: string; fictional: boolean; authorId: string; assigneeId: string | null; submittedAt: Date | null };

/** The statements of these witnesses (few: read through the witness index), with the columns lists filter on. */
export function statementsOfWitnesses(db: Tx, witnessIds: string[]): Promise<StatementFacets[]> {
  return db.statement.findMany({ where: { witnessId: { in: witnessIds } }, select: { status: true, language: true, fictional: true, authorId: true, assigneeId: true, submittedAt: true } });
}

/**
 * How many statements match `where` and the reader's `consent` (testimonyStatementWhere). With a
 * few withheld witnesses: all that match, less theirs that match (`matches`, the same filter on
 * their few statements, in JavaScript). Counted with the exclusion in SQL, the database read every
 * row (SQLite keeps to the status index whatever the witness condition).
 */
export async function countUnderConsent(db: Tx, where: Prisma.StatementWhereInput, consent: Prisma.StatementWhereInput, matches: (s: StatementFacets) => boolean): Promise<number> {
  const withheld = (consent.witnessId as { notIn?: string[] } | undefined)?.notIn;
  if (!withheld) return db.statement.count({ where: { ...where, ...consent } });
  const [all, theirs] = await Promise.all([db.statement.count({ where }), statementsOfWitnesses(db, withheld)]);
  return all - theirs.filter(matches).length;
}

/** testimonySql as `AND …`, or nothing. */
export function andTestimonySql(actor: Actor, witnessId: Prisma.Sql): Prisma.Sql {
  const cond = testimonySql(actor, witnessId);
  return cond ? Prisma.sql`AND ${cond}` : Prisma.empty;
}

/** RESEARCH_WITHDRAWN_WHERE for a witness's consents already read. */
export function researchWithdrawn(consents: { scope: string; withdrawnAt: Date | null }[]): boolean {
  const research = consents.filter((c) => c.scope === "INTERNAL_RESEARCH");
  return research.length > 0 && research.every((c) => c.withdrawnAt !== null);
}

/**
 * Whether `actor` may read the testimony of the witness `witnessId` (testimonySql, for one record).
 * Every statement page asks it: one plain query, not a Prisma one (which cost its query compiling).
 */
export async function mayReadTestimony(db: Tx | null, actor: Actor, witnessId: string): Promise<boolean> {
  // For one witness its own consents are read (the (witnessId, scope) index), not the list of all withheld witnesses.
  const research = (withdrawnAt: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM "Consent" c WHERE c."witnessId" = ${witnessId} AND c."scope" = 'INTERNAL_RESEARCH' AND c."withdrawnAt" ${withdrawnAt})`;
  const cond = readsUnderResearchConsent(actor) ? Prisma.sql`NOT (${research(Prisma.sql`IS NOT NULL`)} AND NOT ${research(Prisma.sql`IS NULL`)})` : testimonySql(actor, Prisma.sql`${witnessId}`);
  if (!cond) return true;
  // In a write's transaction through it; outside one (a page's read: `db` null) straight to the driver.
  const query = Prisma.sql`SELECT 1 AS "ok" WHERE ${cond}`;
  return (db ? await db.$queryRaw<unknown[]>(query) : await rawAll(query)).length > 0;
}

export async function createWitness({ actor, input }: { actor: Actor | null; input: unknown }) {
  authorize(actor, "witness.create");
  const { identity, consents, ...data } = parseInput(ZCreateWitness, input);
  const id = randomUUID(); // known before the insert: the ciphertexts are bound to it
  const encrypted = identity ? encryptIdentity(id, identity) : {};
  return write(async (tx) => {
    const witness = await tx.witness.create({ data: { id, ...data, ...encrypted, code: await nextCode(tx), createdById: actor.id } });
    for (const c of consents ?? []) await tx.consent.create({ data: { ...c, witnessId: id, recordedById: actor.id } });
    await writeAudit(tx, {
      actor,
      action: "witness.create",
      recordType: "Witness",
      recordId: witness.id,
      // Which identity fields were recorded, never their values.
      after: {
        code: witness.code,
        protectionLevel: witness.protectionLevel,
        fictional: witness.fictional,
        identityFields: recordedFields(witness),
        consents: (consents ?? []).map((c) => c.scope),
      },
    });
    return witness;
  });
}

export async function updateWitness({ actor, witnessId, input }: { actor: Actor | null; witnessId: string; input: unknown }) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const data = parseInput(ZUpdateWitness, input);
  const encrypted = data.identity ? encryptIdentity(witnessId, data.identity) : {};
  return write(async (tx) => {
    const before = await tx.witness.findUnique({ where: { id: witnessId } });
    if (!before) throw new AppError("NOT_FOUND", "No such witness.");
    authorize(actor, "witness.edit", { ownerId: before.createdById });
    let sameAsId: string | null | undefined;
    if (data.sameAsCode !== undefined) {
      if (data.sameAsCode === "") sameAsId = null;
      else {
        const other = await tx.witness.findUnique({ where: { code: data.sameAsCode }, select: { id: true, sameAsId: true } });
        if (!other) throw new AppError("INVALID_INPUT", "No witness has this code.", { sameAsCode: ["not_found"] });
        // Following the other record's chain must not lead back here: no record is the same as itself.
        for (let cur: string | null = other.id, steps = 0; cur !== null && steps < 1000; steps++) {
          if (cur === witnessId) throw new AppError("INVALID_INPUT", "A witness record cannot be the same person as itself.", { sameAsCode: ["same_witness_cycle"] });
          cur = (await tx.witness.findUnique({ where: { id: cur }, select: { sameAsId: true } }))?.sameAsId ?? null;
        }
        sameAsId = other.id;
      }
    }
    const after = await tx.witness.update({
      where: { id: witnessId },
      data: { protectionLevel: data.protectionLevel, notes: data.notes, sameAsId, ...encrypted },
    });
    await writeAudit(tx, {
      actor,
      action: "witness.update",
      recordType: "Witness",
      recordId: witnessId,
      before: { protectionLevel: before.protectionLevel, identityFields: recordedFields(before), sameAsId: before.sameAsId },
      after: { protectionLevel: after.protectionLevel, identityFields: recordedFields(after), identityFieldsChanged: Object.keys(data.identity ?? {}), sameAsId: after.sameAsId },
    });
    return after;
  });
}

const LIST_SELECT = {
  id: true,
  code: true,
  protectionLevel: true,
  fictional: true,
  createdAt: true,
  createdById: true,
  _count: { select: { statements: true } },
} as const;

/**
 * How many witnesses `actor` may read: the witnesses list's total without a filter (the
 * new-statement form says how many there are to choose from), counted under the same rule.
 */
export async function countReadableWitnesses({ actor }: { actor: Actor | null }): Promise<number> {
  authorize(actor, "witness.read");
  return read((db) => db.witness.count({ where: legalWitnessWhere(actor) }));
}

/** The witnesses list's query: a part of a code (`q`), the page and its size. */
export const ZListWitnesses = zQuery({
  q: z.preprocess((v) => (v === null ? undefined : v), z.string().trim().max(50, { error: "too_long:50" }).optional()),
  page: ZPage,
  pageSize: ZPageSize,
  perPage: ZPageSize,
});

/**
 * The witnesses list (the list page, GET /api/v1/witnesses) a page at a time, by code: those
 * whose code contains `q` (any case, either script's digits), `pageSize` (LIST_PER_PAGE;
 * `perPage` the same) a page; a page past the last gives the last. Pseudonym codes only: a list
 * never carries identity, encrypted or not.
 * A legal team's count and rows both hold only the witnesses whose consent covers legal sharing.
 */
export async function listWitnessPage({ actor, query }: { actor: Actor | null; query?: unknown }): Promise<Paged<WitnessListRow> & { q: string }> {
  authorize(actor, "witness.read");
  const input = parseInput(ZListWitnesses, query ?? {});
  const q = codeFilter(input.q);
  const pageSize = pageSizeOf(input);
  const where: Prisma.WitnessWhereInput = {
    AND: [legalWitnessWhere(actor), q ? { code: { contains: q } } : {}],
  };
  return read(async (db) => {
    const total = await db.witness.count({ where });
    const { page, pages, skip } = clampPage(input.page, total, pageSize);
    const items = await withheldCounted(actor, await db.witness.findMany({ where, orderBy: { code: "asc" }, skip, take: pageSize, select: LIST_SELECT }));
    return { items, total, page, pageSize, pages, q };
  });
}

/**
 * The witness `actor` may read that a typed code names: the code exactly, once written as codes
 * are (codeFilter: "w-۰۰۱۲" is W-0012); for a legal team only a witness who consented to legal sharing.
 */
export function readableWitnessWhere(actor: Actor, by: { code: string } | { id: string }): Prisma.WitnessWhereInput {
  return { AND: ["code" in by ? { code: codeFilter(by.code) } : { id: by.id }, legalWitnessWhere(actor)] };
}

/**
 * One row of the witnesses list by its code (the "created" banner's witness, wherever its page
 * is; a typed code) or by its id (the new-statement form's preselected witness), or null.
 */
export async function findWitnessListRow({ actor, ...by }: { actor: Actor | null } & ({ code: string } | { id: string })): Promise<WitnessListRow | null> {
  authorize(actor, "witness.read");
  const row = await read((db) => db.witness.findFirst({ where: readableWitnessWhere(actor, by), select: LIST_SELECT }));
  return row && (await withheldCounted(actor, [row]))[0]!;
}

export type WitnessListRow = Prisma.WitnessGetPayload<{ select: typeof LIST_SELECT }>;

/**
 * List rows as `actor` counts them: a witness whose testimony is withheld from the reader (consent
 * to internal research withdrawn) is listed with no statements, as the dashboard and the lists count
 * none of them; the witness's page says why.
 */
async function withheldCounted(actor: Actor, rows: WitnessListRow[]): Promise<WitnessListRow[]> {
  const withheld = new Set((await withheldWitnessIds(actor)) ?? []);
  return withheld.size ? rows.map((w) => (withheld.has(w.id) ? { ...w, _count: { ...w._count, statements: 0 } } : w)) : rows;
}

/** One witness without identity: which fields are recorded, consent history, statements. */
export async function getWitness({ actor, witnessId }: { actor: Actor | null; witnessId: string }) {
  authorize(actor, "witness.read");
  return read(async (db) => {
    const w = await db.witness.findUnique({
      where: { id: witnessId },
      include: {
        consents: { orderBy: { createdAt: "desc" } },
        statements: { select: { id: true, title: true, language: true, status: true, revisionNumber: true }, orderBy: { createdAt: "asc" } },
        createdBy: { select: { id: true, name: true } },
        sameAs: { select: { id: true, code: true } },
      },
    });
    if (!w) throw new AppError("NOT_FOUND", "No such witness.");
    const scopes = await activeConsentScopes(db, w.id);
    if (actor.role === "LEGAL" && !scopes.has("LEGAL_SHARING")) throw new AppError("NOT_FOUND", "No such witness.");
    const resource = { ownerId: w.createdById, consentScopes: [...scopes] };
    // Who recorded and who withdrew each grant, by name (Consent keeps only the user ids).
    const userIds = [...new Set(w.consents.flatMap((c) => [c.recordedById, ...(c.withdrawnById ? [c.withdrawnById] : [])]))];
    const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
    const nameOf = new Map(users.map((u) => [u.id, u.name]));
    // The other record of the same person, only when this reader may read that record too: for
    // a legal team a witness without legal-sharing consent does not exist, not even as a code.
    const sameAs = w.sameAs && (actor.role !== "LEGAL" || (await activeConsentScopes(db, w.sameAs.id)).has("LEGAL_SHARING")) ? w.sameAs : null;
    // A researcher or reviewer still finds the witness (code, consent history) after a withdrawal
    // of consent to internal research, but none of the testimony (testimonyWitnessWhere).
    const withdrawn = researchWithdrawn(w.consents);
    const testimonyWithheld = withdrawn && readsUnderResearchConsent(actor);
    return {
      id: w.id,
      code: w.code,
      protectionLevel: w.protectionLevel,
      fictional: w.fictional,
      notes: w.notes,
      createdAt: w.createdAt,
      createdBy: w.createdBy,
      identityFields: recordedFields(w),
      sameAs,
      consents: w.consents.map((c) => ({
        ...c,
        recordedBy: { id: c.recordedById, name: nameOf.get(c.recordedById) ?? "" },
        withdrawnBy: c.withdrawnById ? { id: c.withdrawnById, name: nameOf.get(c.withdrawnById) ?? "" } : null,
      })),
      activeConsent: [...scopes],
      statements: testimonyWithheld ? [] : w.statements,
      testimonyWithheld,
      // No new testimony is taken under a withdrawn consent (createStatement refuses it).
      researchWithdrawn: withdrawn,
      mayReveal: can(actor, "witness.reveal", resource),
      mayEdit: can(actor, "witness.edit", resource),
    };
  });
}

/**
 * Reveals a witness's protected identity to an entitled reader, for a stated reason. The
 * reveal is written to the audit log (who, when, why, which fields) before anything is returned.
 */
export async function revealIdentity({ actor, witnessId, input }: { actor: Actor | null; witnessId: string; input: unknown }) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const { reason } = parseInput(ZReveal, input);
  const row = await write(async (tx) => {
    const w = await tx.witness.findUnique({ where: { id: witnessId } });
    if (!w) throw new AppError("NOT_FOUND", "No such witness.");
    const scopes = await activeConsentScopes(tx, w.id);
    // For a legal team a witness without legal-sharing consent does not exist (as in getWitness):
    // a 403 here would confirm that it does.
    if (actor.role === "LEGAL" && !scopes.has("LEGAL_SHARING")) throw new AppError("NOT_FOUND", "No such witness.");
    authorize(actor, "witness.reveal", { ownerId: w.createdById, consentScopes: [...scopes] });
    await writeAudit(tx, { actor, action: "witness.reveal", recordType: "Witness", recordId: w.id, after: { reason, fields: recordedFields(w) } });
    return w;
  });
  return { code: row.code, identity: decryptIdentity(row) };
}

export async function recordConsent({ actor, witnessId, input }: { actor: Actor | null; witnessId: string; input: unknown }) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const data = parseInput(ZConsentGrant, input);
  return write(async (tx) => {
    const w = await tx.witness.findUnique({ where: { id: witnessId } });
    if (!w) throw new AppError("NOT_FOUND", "No such witness.");
    authorize(actor, "witness.edit", { ownerId: w.createdById });
    const c = await tx.consent.create({ data: { ...data, witnessId, recordedById: actor.id } });
    await writeAudit(tx, { actor, action: "consent.grant", recordType: "Witness", recordId: witnessId, after: { consentId: c.id, scope: c.scope, givenAt: c.givenAt, method: c.method } });
    return c;
  });
}

/**
 * Takes effect at once: every read path checks the consent in force when it runs. With
 * `witnessId` (the API's /witnesses/{id}/consents/{consentId}), a consent of another
 * witness is not found rather than withdrawn.
 */
export async function withdrawConsent({ actor, consentId, witnessId, input }: { actor: Actor | null; consentId: string; witnessId?: string; input: unknown }) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const { note } = parseInput(ZWithdraw, input ?? {});
  const withdrawn = await write(async (tx) => {
    const c = await tx.consent.findUnique({ where: { id: consentId }, include: { witness: { select: { createdById: true } } } });
    if (!c || (witnessId !== undefined && c.witnessId !== witnessId)) throw new AppError("NOT_FOUND", "No such consent.");
    authorize(actor, "witness.edit", { ownerId: c.witness.createdById });
    if (c.withdrawnAt) throw new AppError("INVALID_STATE", "This consent was already withdrawn.");
    const stamp = { withdrawnAt: new Date(), withdrawnById: actor.id, withdrawNote: note };
    await tx.consent.updateMany({ where: { witnessId: c.witnessId, scope: c.scope, withdrawnAt: null }, data: stamp });
    const after = await tx.consent.findUniqueOrThrow({ where: { id: c.id } });
    await writeAudit(tx, {
      actor,
      action: "consent.withdraw",
      recordType: "Witness",
      recordId: c.witnessId,
      before: { consentId: c.id, scope: c.scope, withdrawn: false },
      after: { consentId: c.id, scope: c.scope, withdrawn: true },
    });
    return after;
  });
  // The dossier packages that held this witness's testimony or evidence go from the server now,
  // not when someone next looks at them. Committed already, the withdrawal stands whatever
  // happens here; a package missed is deleted when it is next listed or asked for.
  if (withdrawn.scope === "LEGAL_SHARING") {
    const { deleteWithdrawnPackages } = await import("@/lib/dossiers/export/jobs");
    await deleteWithdrawnPackages(actor).catch((e) => console.error("[casefile] deleting dossier packages after a withdrawn consent failed:", e instanceof Error ? `${e.name}: ${e.message}` : "non-error thrown"));
  }
  return withdrawn;
}
