import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { Prisma } from "@/generated/sqlite/client";
import { ensureConnectionSettings, rawAll } from "@/lib/db/client";
import { dateText, rawDate, rawInt } from "@/lib/db/raw-values";
import { getExhibit } from "@/lib/exhibits/read-exhibits";
import { getStatement } from "@/lib/statements/statements";
import { getWitness, legalSharingSql } from "@/lib/witnesses/witnesses";

// The history of one record: its audit events, oldest first, with the before/after data
// compared field by field.
//
// Who may see it: whoever may read the record itself, not only holders of audit.read. The
// events of a record say who changed it, when and how — the same facts its page shows, plus
// their past values — and never hold protected identity (writeAudit's contract) or testimony
// text (statements are audited by content hash). So the check is the record's own read rule,
// asked through the record's own lib getter, which also applies consent (a legal team never
// sees the history of a statement or witness it cannot see). Record types without a page of
// their own (users, tokens, links) need audit.read, like the audit log.

/** Payload fields that hold another witness record's id. */
const WITNESS_FIELDS = new Set(["sameAsId"]);

/** Of these witness ids, those the actor may not read: for a legal team, witnesses without legal-sharing consent in force. */
async function witnessesHiddenFrom(actor: Actor | null, values: unknown[]): Promise<Set<string>> {
  const ids = [...new Set(values.filter((x): x is string => typeof x === "string"))];
  if (actor?.role !== "LEGAL" || ids.length === 0) return new Set();
  const shared = await rawAll<{ id: string }>(Prisma.sql`SELECT w."id" FROM "Witness" w WHERE w."id" IN (${Prisma.join(ids)}) AND ${legalSharingSql(Prisma.sql`w."id"`)}`);
  const visible = new Set(shared.map((r) => r.id));
  return new Set(ids.filter((id) => !visible.has(id)));
}

/** Payload fields that hold a user id. */
const USER_FIELDS = new Set(["assigneeId", "gradedById", "reviewerId", "recordedById", "withdrawnById", "createdById"]);

const REGISTRY_TYPES = new Set(["Person", "Organisation", "Place", "Event", "Proceeding", "Source", "Claim"]);

/** Field names that could carry identity if a caller ever broke writeAudit's contract; their values are never shown. */
const PROTECTED_FIELDS = new Set(["legalName", "otherNames", "birthDate", "contact", "currentLocation", "relativesAtRisk", "identity", "password", "passwordHash", "tokenHash"]);

async function authorizeRecord(actor: Actor | null, recordType: string, recordId: string): Promise<void> {
  if (recordType === "Statement") await getStatement({ actor, statementId: recordId });
  else if (recordType === "Witness") await getWitness({ actor, witnessId: recordId });
  else if (recordType === "Exhibit") await getExhibit({ actor, exhibitId: recordId });
  else if (REGISTRY_TYPES.has(recordType)) authorize(actor, "registry.read");
  else if (recordType === "Dossier") authorize(actor, "dossier.read");
  else authorize(actor, "audit.read");
}

/**
 * How a payload field holds a date: "typed" is a date kept as lib/dates keeps it, as typed
 * ("1988", "1988-07", "Mordad 1367", a range); "day" an ISO day the record derived from one (the
 * span a typed date allows: nobody typed it); "moment" a timestamp. A reader sees each in their
 * own calendar and language, as the record's page shows it.
 */
export type DateKind = "typed" | "day" | "moment";

/** Payload fields that hold dates, by record type. Lists with dates inside (a person's positions, a proceeding's timeline) are read entry by entry by the page. */
const DATE_FIELDS: Record<string, Record<string, DateKind>> = {
  // `date`: the demo seed's record of an event it loaded (lib/seed/seed-demo.ts).
  Event: { dateStart: "typed", dateEnd: "typed", date: "typed", earliest: "day", latest: "day" },
  Witness: { givenAt: "moment" },
  // A source's date of publication or recording (one typed before dates were read stays text: shown as typed).
  Source: { date: "typed" },
};

/** Whether and how this field of this record type's audit payload holds a date. */
export function dateKind(recordType: string, field: string): DateKind | null {
  return DATE_FIELDS[recordType]?.[field] ?? null;
}

export type FieldChange = { field: string; before: unknown; after: unknown; kind: "added" | "removed" | "changed"; date?: DateKind };
export type HistoryEvent = {
  seq: number;
  at: string;
  action: string;
  actor: { label: string; name: string | null };
  changes: FieldChange[];
  hash: string;
};

function parse(s: string | null): unknown {
  if (s === null) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** Missing, null, empty text or an empty list: a value a reader sees as none. */
export const isBlank = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
const shown = (field: string, v: unknown) => (PROTECTED_FIELDS.has(field.split(".").pop()!) && v !== undefined && typeof v !== "boolean" ? "[protected]" : v);

/**
 * Field-by-field differences between two audit payloads. Nested objects are flattened one level
 * ("checklist.consentOnFile"); arrays and deeper values are compared whole. A field present on
 * both sides with the same value is not a change, nor is one empty on both sides (missing, null,
 * "" or an empty list).
 */
export function diffPayloads(before: unknown, after: unknown): FieldChange[] {
  if (!isObject(before) && !isObject(after)) {
    if (before === undefined && after === undefined) return [];
    return same(before, after) ? [] : [{ field: "", before, after, kind: before === undefined ? "added" : after === undefined ? "removed" : "changed" }];
  }
  const flat = (v: unknown): Record<string, unknown> => {
    if (!isObject(v)) return {};
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (isObject(x) && Object.keys(x).length > 0 && Object.values(x).every((y) => !isObject(y))) for (const [k2, y] of Object.entries(x)) out[`${k}.${k2}`] = y;
      else out[k] = x;
    }
    return out;
  };
  const b = flat(before);
  const a = flat(after);
  const out: FieldChange[] = [];
  for (const field of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
    const hasB = field in b && b[field] !== undefined;
    const hasA = field in a && a[field] !== undefined;
    if (hasB && hasA && same(b[field], a[field])) continue;
    // Empty on both sides (a record created with the field blank): nothing for a reader to see.
    if (isBlank(b[field]) && isBlank(a[field])) continue;
    out.push({ field, before: shown(field, b[field]), after: shown(field, a[field]), kind: !hasB ? "added" : !hasA ? "removed" : "changed" });
  }
  return out;
}

type EventRow = { seq: unknown; at: unknown; actorId: string | null; actorLabel: string; action: string; before: string | null; after: string | null; hash: string };

/**
 * One record's audit events, oldest first, for whoever may read the record (see above). Read
 * with two plain queries (rawAll) rather than Prisma's client: a record page shows its history
 * on every view, and Prisma's query compiling and row mapping cost more than the queries.
 */
export async function getRecordHistory({ actor, recordType, recordId }: { actor: Actor | null; recordType: string; recordId: string }): Promise<HistoryEvent[]> {
  await authorizeRecord(actor, recordType, recordId);
  await ensureConnectionSettings();
  const events = await rawAll<EventRow>(Prisma.sql`
    SELECT "seq", ${dateText(Prisma.sql`"at"`)} AS "at", "actorId", "actorLabel", "action", "before", "after", "hash"
    FROM "AuditEvent" WHERE "recordType" = ${recordType} AND "recordId" = ${recordId}
    ORDER BY "seq" ASC LIMIT 1000`);
  const diffs = events.map((e) => diffPayloads(parse(e.before), parse(e.after)));
  // People appear in the payloads by user id (the reviewer assigned, the grader); readers see names.
  const referenced = diffs.flatMap((d) => d.filter((c) => USER_FIELDS.has(c.field)).flatMap((c) => [c.before, c.after])).filter((x): x is string => typeof x === "string");
  const ids = [...new Set([...events.map((e) => e.actorId).filter((x): x is string => !!x), ...referenced])];
  const users = ids.length ? await rawAll<{ id: string; name: string }>(Prisma.sql`SELECT "id", "name" FROM "User" WHERE "id" IN (${Prisma.join(ids)})`) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const named = (field: string, v: unknown) => (USER_FIELDS.has(field) && typeof v === "string" ? (names.get(v) ?? v) : v);
  // A witness record marked as the same person as another names that record by id. For a legal
  // team a witness without legal-sharing consent does not exist (lib/witnesses getWitness), so its
  // id is not shown either: the history would otherwise tie this witness to it.
  const hiddenWitnesses = await witnessesHiddenFrom(actor, diffs.flatMap((d) => d.filter((c) => WITNESS_FIELDS.has(c.field)).flatMap((c) => [c.before, c.after])));
  const shownValue = (field: string, v: unknown) => (WITNESS_FIELDS.has(field) && typeof v === "string" && hiddenWitnesses.has(v) ? "[protected]" : named(field, v));
  return events.map((e, i) => ({
    seq: rawInt(e.seq),
    at: rawDate(e.at).toISOString(),
    action: e.action,
    actor: { label: e.actorLabel, name: e.actorId ? (names.get(e.actorId) ?? null) : null },
    changes: diffs[i]!.map((c) => {
      const date = dateKind(recordType, c.field);
      return { ...c, before: shownValue(c.field, c.before), after: shownValue(c.field, c.after), ...(date ? { date } : {}) };
    }),
    hash: e.hash,
  }));
}
