import "server-only";
import { createHash, createHmac } from "node:crypto";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { canonicalJson } from "@/lib/audit/canonical";
import { getKeyRing } from "@/lib/crypto/keyring";
import type { Tx } from "@/lib/db/client";
import { inSlices } from "@/lib/db/in-slices";
import { ZCreateEvent } from "@/lib/events/schemas";
import { normalizeLatin, normalizePersian } from "@/lib/names";
import { ZCreatePerson } from "@/lib/persons/schemas";
import { ZCreatePlace } from "@/lib/places/schemas";
import { parseAliasColumn, rankByName, type Named } from "@/lib/registries/rank";
import { ZCreateSource } from "@/lib/sources/schemas";
import { ZCreateStatement } from "@/lib/statements/schemas";
import { researchWithdrawn, ZCreateWitness } from "@/lib/witnesses/witnesses";
import { codeAsTyped } from "@/lib/witnesses/code";
import { toLatinDigits } from "@/lib/dates";
import { hasUnstorableText, issueFieldError } from "@/lib/validation";
import { sameIdentity, type LinkIdentity } from "@/lib/links/links";
import { FIELDS, fieldSpec, splitMulti, unguardCell, type ImportKind } from "./fields";

// Per kind: how a mapped row is checked against the registry (plan) and what it becomes in
// the database (the writers in write-rows.ts). Planning only reads; it is the same for a dry
// run and a real run, which is what makes the dry run's report the real run's outcome.

/** Scores at or above this link a name to an existing record without asking. */
export const LINK_THRESHOLD = 0.9;
/** Between the matcher's default threshold and LINK_THRESHOLD: created, with a warning naming the near match. */
export const WARN_THRESHOLD = 0.77;

export type Outcome = "CREATE" | "LINK" | "UPDATE" | "REFUSE" | "ALREADY";
/** `key` is a message key, optionally with one argument after a colon ("unknown_person:Hamid X"). */
export type Problem = { column: string | null; key: string };
export type RecordRef = { type: string; id: string | null; label: string };

export type RowPlan = {
  row: number;
  outcome: Outcome;
  rowKey: string;
  label: string;
  /** The record created (id null until written), linked to or updated, or imported from this row before. */
  record: RecordRef | null;
  /** UPDATE: the fields of the record the row changes (the fields an import may change on an existing record: UPDATABLE). */
  changes?: string[];
  problems: Problem[];
  warnings: Problem[];
  /** Validated data for the writer; never reported. */
  data?: unknown;
  /** Files of the row (ZIP imports), checked and hashed while planning. */
  files?: PlannedFile[];
  batch?: number;
};

export type PlannedFile = { path: string; sha256: string; size: number; mime: string };

/** A passage of a statements row's text that names a person of its persons cell. */
export type PlannedLink = { personId: string; start: number; end: number };

/** What an imported link says of its person: named by the witness, no allegation yet (set on the statement's page). */
export const IMPORTED_LINK = { role: "NAMED_BY_OTHERS", allegationType: "OTHER" } as const;

/** A planned link as the link it becomes on revision 1 of the statement `statementId`. */
export function importedLinkIdentity(statementId: string, l: PlannedLink): LinkIdentity {
  return { statementId, revisionNumber: 1, startOffset: l.start, endOffset: l.end, personId: l.personId, ...IMPORTED_LINK, eventId: null, placeId: null, proceedingId: null };
}

/**
 * The links of one new statement, each once. Two names of one person in the persons cell
 * ("Hamid Abbasi|Hamid Nouri") find the same passage when the text has only one of them; a
 * second link there would count the witness's quote twice on the person's page. A row's few
 * names make the pairwise comparison cheap.
 */
export function distinctLinks<T extends PlannedLink>(statementId: string, links: T[]): T[] {
  const out: T[] = [];
  for (const l of links) if (!out.some((o) => sameIdentity(importedLinkIdentity(statementId, o), importedLinkIdentity(statementId, l)))) out.push(l);
  return out;
}

export type Values = Record<string, string>;

/** What planning needs to know of the database, loaded once per run (witness codes as rows name them). */
export type Registry = {
  persons: Named[];
  /** PERSONS: the same persons by id. */
  personById: Map<string, Named>;
  places: Named[];
  /** Witness ids by code, for the codes looked up so far (loadWitnessCodes). */
  witnessIds: Map<string, string>;
  /** Every string looked up as a code so far, found or not: none is read twice. */
  witnessCodesRead: Set<string>;
  /** Of those witnesses, the ids of those who withdrew consent to internal research: no testimony is taken for them. */
  researchWithdrawn: Set<string>;
  eventKeys: Map<string, { id: string; label: string }>;
  sourceKeys: Map<string, { id: string; label: string }>;
  imported: Map<string, { recordType: string; recordId: string }>;
  /** PERSONS: each person's status notes as stored, to tell a row that changes them from one that does not. */
  personNotes: Map<string, PersonNotes>;
};

type PersonNotes = { statusNotes: string; statusNotesFa: string };

/**
 * The fields a row may change on a record it is matched to (everything else of a matched record
 * is left as it is: LINK). A person's status notes change as the person's circumstances do, and
 * the persons CSV carries them, so a sheet exported, filled in and imported again updates them.
 */
export const UPDATABLE: Partial<Record<ImportKind, readonly (keyof PersonNotes)[]>> = { PERSONS: ["statusNotes", "statusNotesFa"] };

export const normText = (s: string) => normalizeLatin(normalizePersian(s)).replace(/\s+/g, " ").trim();

/**
 * The key of a row, for "was this imported before?": a hash of the kind and the row's mapped
 * values, normalised (case, spacing, Persian letter forms). Witness rows hold identity, so
 * their key is an HMAC under the data key: the stored key cannot be used to guess names.
 */
export function rowKeyOf(kind: ImportKind, values: Values): string {
  const norm: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    const spec = fieldSpec(kind, k);
    const t = spec?.multi ? splitMulti(v).map(normText).sort().join("|") : normText(v ?? "");
    if (t) norm[k] = t;
  }
  const text = canonicalJson({ kind, norm });
  if (kind === "WITNESSES") {
    const ring = getKeyRing();
    const key = ring.keys.get(ring.current)!;
    return "h" + createHmac("sha256", key).update("casefile-import-row\n" + text).digest("hex");
  }
  return createHash("sha256").update(text).digest("hex");
}

/** Zod field errors as problems in the sheet's columns. Protected columns never carry a value. */
function zodProblems(kind: ImportKind, err: z.ZodError, columnOf: (field: string) => string | null, fieldMap: Record<string, string> = {}): Problem[] {
  return err.issues.map((i) => {
    const top = String(i.path[0] ?? "");
    const field = fieldMap[top] ?? top;
    return { column: columnOf(field) ?? (top === "identity" ? columnOf(String(i.path[1] ?? "")) : null), key: issueFieldError(i) };
  });
}

type Match = { id: string; label: string; score: number; matched: string; query: string };

/** The best match among `records` for any of `names`, by the name matcher. */
function bestMatches(records: Named[], names: string[]): Match[] {
  const best = new Map<string, Match>();
  for (const q of names) {
    for (const hit of rankByName(records, q, { threshold: WARN_THRESHOLD })) {
      const exact = [hit.name, hit.nameFa, ...hit.aliases].some((n) => n && normText(n) === normText(q));
      const score = exact ? 1 : hit.score;
      const prev = best.get(hit.id);
      if (!prev || prev.score < score) best.set(hit.id, { id: hit.id, label: hit.name, score, matched: hit.matched ?? hit.name, query: q });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** In-file names seen so far (rows to be created), for "this is the person of row 3". */
export type InFile = { byName: Map<string, number> };

function remember(ctx: Ctx, names: string[], row: number) {
  for (const n of names) if (!ctx.inFile.byName.has(normText(n))) ctx.inFile.byName.set(normText(n), row);
}

type Ctx = {
  kind: ImportKind;
  registry: Registry;
  inFile: InFile;
  columnOf: (field: string) => string | null;
  hasFile?: (path: string) => boolean;
};

function nameRule(records: Named[], ctx: Ctx, names: string[], column: string | null, type: string): { link?: Match; problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const matches = bestMatches(records, names);
  const strong = matches.filter((m) => m.score >= LINK_THRESHOLD);
  // Within the file, the same name (as normalised text) in two rows: the fuzzy matcher over
  // every earlier row would make a large sheet quadratic, and two spellings in one sheet are
  // more often two people than a typo.
  const sameRow = names.map((n) => ctx.inFile.byName.get(normText(n))).find((r) => r !== undefined);
  if (sameRow !== undefined) {
    problems.push({ column, key: `same_as_row:${sameRow}` });
    return { problems, warnings };
  }
  if (strong.length > 1) {
    problems.push({ column, key: `ambiguous_match:${strong.map((m) => m.label).join(" / ")}` });
    return { problems, warnings };
  }
  if (strong.length === 1) return { link: strong[0], problems, warnings };
  for (const m of matches) warnings.push({ column, key: `possible_match:${m.label}` });
  void type;
  return { problems, warnings };
}

const LANGUAGE: Record<string, "fa" | "en"> = { fa: "fa", farsi: "fa", persian: "fa", فارسی: "fa", پارسی: "fa", en: "en", english: "en", انگلیسی: "en" };
const PROTECTION: Record<string, string> = {
  standard: "STANDARD",
  confidential: "CONFIDENTIAL",
  protected: "PROTECTED",
  عادی: "STANDARD",
  معمولی: "STANDARD",
  محرمانه: "CONFIDENTIAL",
  حفاظتشده: "PROTECTED",
  "حفاظت شده": "PROTECTED",
  "حفاظت‌شده": "PROTECTED",
};

export type Planned = Omit<RowPlan, "row" | "rowKey">;

const refuse = (label: string, problems: Problem[], warnings: Problem[] = []): Planned => ({ outcome: "REFUSE", label, record: null, problems, warnings });

/** Plans one row (not a duplicate, not imported before). Reads nothing but the registry in memory. */
export function planRow(kind: ImportKind, v: Values, row: number, ctx: Ctx): Planned {
  const col = ctx.columnOf;
  // A cell holding a character no database can store (a NUL byte, half a surrogate pair) refuses
  // its row here, naming the column, instead of failing the whole write. The label is the row's
  // number: the cell itself may be the title.
  const unstorable = Object.keys(v).filter((field) => hasUnstorableText(v[field]!));
  if (unstorable.length) return refuse(`#${row}`, unstorable.map((field) => ({ column: col(field), key: "invalid_text" })));
  switch (kind) {
    case "PERSONS": {
      // A persons sheet may be Casefile's own persons CSV, read back.
      const c: Values = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unguardCell(x)]));
      const aliases = splitMulti(c.aliases);
      const position = c.position?.trim();
      const positionFa = c.positionFa?.trim();
      const input = {
        name: c.name ?? "",
        nameFa: c.nameFa ?? "",
        aliases,
        summary: c.summary ?? "",
        summaryFa: c.summaryFa ?? "",
        statusNotes: c.statusNotes ?? "",
        statusNotesFa: c.statusNotesFa ?? "",
        source: c.source ?? "",
        // A Persian title without an English one makes a position too, which is then refused
        // for its missing title rather than dropped without a word.
        positions: position || positionFa ? [{ title: position ?? "", titleFa: positionFa ?? "", institution: c.institution ?? "", from: c.positionFrom || undefined, to: c.positionTo || undefined }] : [],
      };
      const label = input.name.trim() || input.nameFa.trim() || `#${row}`;
      const parsed = ZCreatePerson.safeParse(input);
      const problems = parsed.success ? [] : zodProblems(kind, parsed.error, col, { positions: "position" }).map(fixPositionColumn(col, parsed.error));
      const names = [input.name, input.nameFa, ...aliases].map((s) => s.trim()).filter(Boolean);
      // A row of Casefile's own persons CSV names its person by id: that person, even when another
      // has a name as close, or the person was renamed since. An id this registry does not have
      // (a sheet from another installation) leaves the row to the name matcher.
      const byId = c.id?.trim() ? ctx.registry.personById.get(c.id.trim()) : undefined;
      const m = byId ? { link: { id: byId.id, label: byId.name }, problems: [], warnings: [] } : nameRule(ctx.registry.persons, ctx, names, col("name"), "Person");
      problems.push(...m.problems);
      if (problems.length) return refuse(label, problems, m.warnings);
      if (m.link) {
        const record = { type: "Person", id: m.link.id, label: m.link.label };
        const update = parsed.success ? notesUpdate(ctx.registry.personNotes.get(m.link.id), parsed.data) : {};
        const changes = Object.keys(update);
        if (changes.length) return { outcome: "UPDATE", label, record, changes, problems: [], warnings: m.warnings, data: update };
        return { outcome: "LINK", label, record, problems: [], warnings: m.warnings };
      }
      remember(ctx, names, row);
      return { outcome: "CREATE", label, record: { type: "Person", id: null, label }, problems: [], warnings: m.warnings, data: parsed.success ? parsed.data : undefined };
    }
    case "PLACES": {
      const aliases = splitMulti(v.aliases);
      const input = { name: v.name ?? "", nameFa: v.nameFa ?? "", aliases, city: v.city ?? "", note: v.note ?? "" };
      const label = input.name.trim() || `#${row}`;
      const parsed = ZCreatePlace.safeParse(input);
      const problems = parsed.success ? [] : zodProblems(kind, parsed.error, col);
      const names = [input.name, input.nameFa, ...aliases].map((s) => s.trim()).filter(Boolean);
      const m = nameRule(ctx.registry.places, ctx, names, col("name"), "Place");
      problems.push(...m.problems);
      if (problems.length) return refuse(label, problems, m.warnings);
      if (m.link) return { outcome: "LINK", label, record: { type: "Place", id: m.link.id, label: m.link.label }, problems: [], warnings: m.warnings };
      remember(ctx, names, row);
      return { outcome: "CREATE", label, record: { type: "Place", id: null, label }, problems: [], warnings: m.warnings, data: parsed.success ? parsed.data : undefined };
    }
    case "EVENTS": {
      const problems: Problem[] = [];
      const placeIds: string[] = [];
      for (const name of splitMulti(v.places)) {
        const hit = bestMatches(ctx.registry.places, [name]).find((x) => x.score >= LINK_THRESHOLD);
        if (hit) placeIds.push(hit.id);
        else problems.push({ column: col("places"), key: `unknown_place:${name}` });
      }
      const input = { title: v.title ?? "", titleFa: v.titleFa ?? "", dateStart: v.dateStart ?? "", dateEnd: v.dateEnd || undefined, placeIds, description: v.description ?? "", source: v.source ?? "" };
      const label = input.title.trim() || `#${row}`;
      const parsed = ZCreateEvent.safeParse(input);
      if (!parsed.success) problems.unshift(...zodProblems(kind, parsed.error, col));
      if (problems.length) return refuse(label, problems);
      const existing = ctx.registry.eventKeys.get(eventKey(input.title, input.dateStart));
      if (existing) return { outcome: "LINK", label, record: { type: "Event", id: existing.id, label: existing.label }, problems: [], warnings: [] };
      return { outcome: "CREATE", label, record: { type: "Event", id: null, label }, problems: [], warnings: [], data: parsed.success ? parsed.data : undefined };
    }
    case "SOURCES": {
      const input = { title: v.title ?? "", author: v.author ?? "", year: v.year ?? "", date: v.date ?? "", kind: v.kind ?? "", citation: v.citation ?? "", url: v.url ?? "", note: v.note ?? "" };
      const label = input.title.trim() || `#${row}`;
      const parsed = ZCreateSource.safeParse(input);
      if (!parsed.success) return refuse(label, zodProblems(kind, parsed.error, col));
      const existing = ctx.registry.sourceKeys.get(sourceKey(input.title, input.author));
      if (existing) return { outcome: "LINK", label, record: { type: "Source", id: existing.id, label: existing.label }, problems: [], warnings: [] };
      return { outcome: "CREATE", label, record: { type: "Source", id: null, label }, problems: [], warnings: [], data: parsed.data };
    }
    case "WITNESSES": {
      const identity: Record<string, string> = {};
      for (const s of FIELDS.WITNESSES) if (s.protected && v[s.field]?.trim()) identity[s.field] = v[s.field];
      const level = v.protectionLevel?.trim() ? (PROTECTION[normText(v.protectionLevel)] ?? PROTECTION[v.protectionLevel.trim()] ?? v.protectionLevel.trim().toUpperCase()) : undefined;
      const input = { protectionLevel: level, notes: v.notes ?? "", identity };
      // A witness is never shown by name: the report calls it by its row until it has a code.
      const label = `#${row}`;
      const parsed = ZCreateWitness.safeParse(input);
      if (!parsed.success) {
        // Messages only: zod may echo input in a message for some checks; identity values never leave here.
        const problems = parsed.error.issues.map((i) => ({ column: col(String(i.path[0] === "identity" ? i.path[1] : i.path[0])), key: i.message.includes(" ") ? "invalid" : i.message }));
        return refuse(label, problems);
      }
      return { outcome: "CREATE", label, record: { type: "Witness", id: null, label }, problems: [], warnings: [], data: parsed.data };
    }
    case "STATEMENTS": {
      const problems: Problem[] = [];
      const { code, asWritten } = witnessCell(v);
      const witnessId = ctx.registry.witnessIds.get(code) ?? ctx.registry.witnessIds.get(asWritten);
      if (code && !witnessId) problems.push({ column: col("witness"), key: `unknown_witness:${asWritten}` });
      else if (witnessId && ctx.registry.researchWithdrawn.has(witnessId)) problems.push({ column: col("witness"), key: `witness_research_withdrawn:${asWritten}` });
      const lang = v.language?.trim() ? (LANGUAGE[normText(v.language)] ?? LANGUAGE[v.language.trim()] ?? v.language.trim()) : "";
      const input = {
        witnessId: witnessId ?? (code ? "unknown" : ""),
        title: v.title ?? "",
        language: lang,
        originalText: v.originalText ?? "",
        summary: v.summary ?? "",
        interviewDate: v.interviewDate ?? "",
        interviewPlace: v.interviewPlace ?? "",
        interviewers: splitMulti(v.interviewers),
        periodCovered: v.periodCovered ?? "",
        placesCovered: splitMulti(v.placesCovered),
        notes: v.notes ?? "",
      };
      const label = input.title.trim() || `#${row}`;
      const parsed = ZCreateStatement.safeParse(input);
      if (!parsed.success) problems.unshift(...zodProblems(kind, parsed.error, col, { witnessId: "witness" }));
      // People the statement names: each must be in the registry, and named in the text (a link cites the passage).
      const persons: PlannedLink[] = [];
      for (const name of splitMulti(v.persons)) {
        const hit = bestMatches(ctx.registry.persons, [name]).find((x) => x.score >= LINK_THRESHOLD);
        if (!hit) {
          problems.push({ column: col("persons"), key: `unknown_person:${name}` });
          continue;
        }
        const rec = ctx.registry.persons.find((p) => p.id === hit.id)!;
        const text = input.originalText;
        const at = [name, rec.name, rec.nameFa, ...rec.aliases].filter(Boolean).map((n) => ({ n, i: text.indexOf(n) })).find((x) => x.i >= 0);
        if (!at) problems.push({ column: col("persons"), key: `person_not_in_text:${name}` });
        else persons.push({ personId: hit.id, start: at.i, end: at.i + at.n.length });
      }
      const files = splitMulti(v.files);
      if (files.length && !ctx.hasFile) problems.push({ column: col("files"), key: "files_need_zip" });
      else for (const p of files) if (!ctx.hasFile!(p)) problems.push({ column: col("files"), key: `zip_missing_file:${p}` });
      if (problems.length) return refuse(label, problems);
      return {
        outcome: "CREATE",
        label,
        record: { type: "Statement", id: null, label },
        problems: [],
        warnings: [],
        // Two names of one person may find one passage here: not a problem of the row, the writers link it once (distinctLinks).
        data: { statement: parsed.success ? parsed.data : undefined, persons, filePaths: files },
      };
    }
  }
}

/**
 * The status notes a row gives that differ from the person's. An empty cell (or no such column)
 * leaves the stored text as it is: a sheet that names a person without saying anything of their
 * status does not erase what is known (the person's page clears it).
 */
function notesUpdate(stored: PersonNotes | undefined, row: PersonNotes): Partial<PersonNotes> {
  const out: Partial<PersonNotes> = {};
  for (const k of UPDATABLE.PERSONS!) if (row[k] && row[k] !== (stored?.[k] ?? "")) out[k] = row[k];
  return out;
}

/** A position's sub-fields are reported on their own columns (from, to, position, positionFa). */
function fixPositionColumn(col: (f: string) => string | null, err: z.ZodError) {
  return (p: Problem, i: number): Problem => {
    const path = err.issues[i]?.path ?? [];
    if (path[0] !== "positions") return p;
    const sub = String(path[2] ?? "title");
    const field = sub === "from" ? "positionFrom" : sub === "to" ? "positionTo" : sub === "institution" ? "institution" : sub === "titleFa" ? "positionFa" : "position";
    return { ...p, column: col(field) };
  };
}

/**
 * A statements row's witness cell: the code as codes are written (codeAsTyped: Latin digits,
 * upper case, «ص» typed for W) and the cell as written; a witness whose code is either is the
 * row's witness.
 */
function witnessCell(v: Values): { code: string; asWritten: string } {
  const asWritten = v.witness?.trim() ?? "";
  return { code: codeAsTyped(asWritten), asWritten };
}

/** Codes per query: SQLite refuses a statement with too many parameters. */
const CODES_PER_READ = 500;

/**
 * Reads the witnesses that these statements rows name, and that were not looked up before,
 * into registry.witnessIds: an import reads only the witnesses its rows name, never every
 * witness. A cell no database can store is not looked up (planRow refuses its row anyway).
 */
export async function loadWitnessCodes(db: Tx, registry: Registry, rows: Values[]): Promise<void> {
  const wanted = new Set<string>();
  for (const v of rows) {
    const { code, asWritten } = witnessCell(v);
    for (const c of [code, asWritten]) if (c && !registry.witnessCodesRead.has(c) && !hasUnstorableText(c)) wanted.add(c);
  }
  const found = await inSlices([...wanted], (codes) => db.witness.findMany({ where: { code: { in: codes } }, select: { id: true, code: true, consents: { select: { scope: true, withdrawnAt: true } } } }), CODES_PER_READ);
  for (const w of found) {
    registry.witnessIds.set(w.code, w.id);
    if (researchWithdrawn(w.consents)) registry.researchWithdrawn.add(w.id);
  }
  for (const c of wanted) registry.witnessCodesRead.add(c);
}

export const eventKey = (title: string, date: string) => `${normText(title)}\n${normText(toLatinDigits(date))}`;
export const sourceKey = (title: string, author: string) => `${normText(title)}\n${normText(author)}`;

/**
 * What planning needs from the database: names, events, sources, rows imported before. Witness
 * codes are read as rows name them (loadWitnessCodes).
 */
export async function loadRegistry(db: Tx, kind: ImportKind): Promise<Registry> {
  const persons =
    kind === "PERSONS" || kind === "STATEMENTS"
      ? (await db.person.findMany({ select: { id: true, name: true, nameFa: true, aliases: { select: { name: true }, orderBy: { id: "asc" } } } })).map((r) => ({
          id: r.id,
          name: r.name,
          nameFa: r.nameFa,
          aliases: r.aliases.map((a) => a.name),
        }))
      : [];
  const places =
    kind === "PLACES" || kind === "EVENTS"
      ? (await db.place.findMany({ select: { id: true, name: true, nameFa: true, aliases: true } })).map((r) => ({ ...r, aliases: parseAliasColumn(r.aliases) }))
      : [];
  const eventKeys = new Map<string, { id: string; label: string }>();
  if (kind === "EVENTS") for (const e of await db.event.findMany({ select: { id: true, title: true, dateStart: true } })) eventKeys.set(eventKey(e.title, e.dateStart), { id: e.id, label: e.title });
  const sourceKeys = new Map<string, { id: string; label: string }>();
  if (kind === "SOURCES") for (const s of await db.source.findMany({ select: { id: true, title: true, author: true } })) sourceKeys.set(sourceKey(s.title, s.author), { id: s.id, label: s.title });
  const imported = new Map<string, { recordType: string; recordId: string }>();
  for (const r of await db.importedRow.findMany({ where: { kind }, select: { rowKey: true, recordType: true, recordId: true } })) imported.set(r.rowKey, { recordType: r.recordType, recordId: r.recordId });
  const personNotes = new Map<string, PersonNotes>();
  if (kind === "PERSONS") for (const p of await db.person.findMany({ select: { id: true, statusNotes: true, statusNotesFa: true } })) personNotes.set(p.id, { statusNotes: p.statusNotes, statusNotesFa: p.statusNotesFa });
  const personById = new Map(kind === "PERSONS" ? persons.map((p) => [p.id, p]) : []);
  return { persons, personById, places, witnessIds: new Map(), witnessCodesRead: new Set(), researchWithdrawn: new Set(), eventKeys, sourceKeys, imported, personNotes };
}

export type { Actor };
