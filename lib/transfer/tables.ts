import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { hasUnstorableText } from "@/lib/validation";

// Which tables a full export holds, in the order they are loaded back (every table after the
// ones it refers to), and which it leaves out and why. tests/integration/transfer.test.ts
// checks that every model of the schema is in exactly one of the two lists, so a table added
// later cannot be silently dropped from exports.

export const EXPORTED_TABLES = [
  "User",
  "Witness",
  "Consent",
  "Statement",
  "StatementRevision",
  "Blob",
  "Exhibit",
  "ExhibitLink",
  "CustodyEntry",
  "Person",
  "PersonAlias",
  "Position",
  "Organisation",
  "Place",
  "Event",
  "EventPlace",
  "Proceeding",
  "ProceedingDefendant",
  "ProceedingStatusEntry",
  "Source",
  "Claim",
  "Link",
  "Review",
  "Dossier",
  "DossierItem",
  "ImportTemplate",
  "ImportedRow",
  "AuditEvent",
] as const;
export type ExportedTable = (typeof EXPORTED_TABLES)[number];

/** Left out on purpose (FORMAT.md says the same). */
export const EXCLUDED_TABLES: Record<string, string> = {
  ApiToken: "access tokens are credentials of the source installation; users create new ones",
  EndedSession: "signed-out sessions of the source installation, whose cookies its own secret signed",
  Notification: "transient in-app notices",
  SearchDoc: "derived: rebuilt from the records when the export is loaded",
  DossierExport: "describes package files on the source's disk, which are not part of the export",
  ImportJob: "an import's per-row report may quote the input sheet, protected identity included, in clear",
  BackupRecord: "describes the source installation's backups, not the destination's",
};

export type Column = { name: string; type: string };

/** The scalar columns of a model, as the generated client describes them. */
export function columnsOf(db: Db, model: string): Column[] {
  const dm = (db as unknown as { _runtimeDataModel: { models: Record<string, { fields: { name: string; kind: string; type: string }[] }> } })._runtimeDataModel;
  const m = dm.models[model];
  if (!m) throw new Error(`unknown model ${model}`);
  return m.fields.filter((f) => f.kind === "scalar").map((f) => ({ name: f.name, type: f.type }));
}

export function allModels(db: Db): string[] {
  const dm = (db as unknown as { _runtimeDataModel: { models: Record<string, unknown> } })._runtimeDataModel;
  return Object.keys(dm.models);
}

/** The primary key order rows are written in (stable, so two exports of the same data are equal). */
export const ORDER_BY: Partial<Record<ExportedTable, Record<string, "asc">[]>> = {
  Blob: [{ sha256: "asc" }],
  AuditEvent: [{ seq: "asc" }],
  EventPlace: [{ eventId: "asc" }, { placeId: "asc" }],
  ProceedingDefendant: [{ proceedingId: "asc" }, { personId: "asc" }],
};

type Delegate = {
  findMany(args: { orderBy: Record<string, "asc">[]; skip?: number; take?: number }): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
  count(): Promise<number>;
};

export function delegate(db: Tx | Db, model: string): Delegate {
  const key = model[0]!.toLowerCase() + model.slice(1);
  const d = (db as unknown as Record<string, Delegate>)[key];
  if (!d) throw new Error(`no delegate for ${model}`);
  return d;
}

/** JSON form of one value: dates as ISO 8601 UTC with milliseconds, 64-bit integers as decimal strings. */
export function encodeValue(type: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (type === "DateTime") return (v as Date).toISOString();
  if (type === "BigInt") return (v as bigint).toString();
  return v;
}

export function decodeValue(type: string, v: unknown, where: string): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case "DateTime": {
      const d = typeof v === "string" ? new Date(v) : null;
      if (!d || Number.isNaN(d.getTime())) throw new Error(`${where}: not a date`);
      return d;
    }
    case "BigInt":
      if (typeof v !== "string" || !/^-?\d+$/.test(v)) throw new Error(`${where}: not an integer string`);
      return BigInt(v);
    case "Int":
    case "Float":
      if (typeof v !== "number") throw new Error(`${where}: not a number`);
      return v;
    case "Boolean":
      if (typeof v !== "boolean") throw new Error(`${where}: not true/false`);
      return v;
    default:
      if (typeof v !== "string") throw new Error(`${where}: not text`);
      if (hasUnstorableText(v)) throw new Error(`${where}: holds a character no database can store (a NUL character or half of a surrogate pair)`);
      return v;
  }
}
