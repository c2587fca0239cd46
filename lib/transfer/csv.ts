import "server-only";
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { read, write } from "@/lib/db/write";
import { visibleStatementWhere } from "@/lib/links/links";
import { listPersons } from "@/lib/persons/list-persons";
import { ZRegistryQuery } from "@/lib/registries/schemas";
import { LANGUAGES, STATEMENT_STATUSES } from "@/lib/statements/schemas";
import { parseInput } from "@/lib/validation";

// CSV exports of the lists, for spreadsheet users: UTF-8 with a byte-order mark (so Excel reads
// Persian), a header row, one row per record, streamed in pages. Columns are listed below and in
// FORMAT.md. Witnesses appear only by pseudonym code; statements a reader may not see (a legal
// team: no legal-sharing consent in force) are not in the file, as in the lists.

export const CSV_COLUMNS = {
  statements: ["id", "title", "language", "status", "witness_code", "author", "interview_date", "revision", "fictional", "created_at", "updated_at", "summary", "text"],
  // links.csv and persons.csv got their last columns later, at the end, so a reader that takes columns by position still finds the earlier ones where they were.
  persons: ["id", "name", "name_fa", "aliases", "positions", "positions_fa", "summary", "summary_fa", "status_notes", "status_notes_fa"],
  links: ["id", "statement_id", "statement_title", "witness_code", "revision", "quote", "person_id", "person_name", "role", "allegation_type", "event", "place", "proceeding", "anchor", "note", "created_at", "proceeding_fa"],
} as const;
export type CsvKind = keyof typeof CSV_COLUMNS;

const PAGE = 500;
const SEP = " | ";

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with an apostrophe. */
export function safeCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = v instanceof Date ? v.toISOString() : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export const ZStatementsCsv = z.object({
  status: z.enum(STATEMENT_STATUSES, { error: "invalid_choice" }).optional(),
  language: z.enum(LANGUAGES, { error: "invalid_choice" }).optional(),
});
export const ZLinksCsv = z.object({ personId: z.string().max(100).optional(), statementId: z.string().max(100).optional() });

async function* statementRows(actor: Actor, q: z.infer<typeof ZStatementsCsv>) {
  const where = { status: q.status, language: q.language, ...visibleStatementWhere(actor) };
  let after: string | undefined;
  for (;;) {
    const page = await read((db) =>
      db.statement.findMany({
        where: { ...where, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: PAGE,
        select: {
          id: true, title: true, language: true, status: true, interviewDate: true, revisionNumber: true, fictional: true,
          createdAt: true, updatedAt: true, summary: true, originalText: true,
          witness: { select: { code: true } },
          author: { select: { name: true } },
        },
      }),
    );
    for (const s of page)
      yield [s.id, s.title, s.language, s.status, s.witness.code, s.author.name, s.interviewDate, s.revisionNumber, s.fictional, s.createdAt, s.updatedAt, s.summary, s.originalText];
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

async function* personRows(actor: Actor, query: unknown) {
  const q = parseInput(ZRegistryQuery, query ?? {});
  // The texts come from listPersons, which asks the same permission as the person page that shows
  // them (registry.read): the file holds nothing its reader could not open there.
  const rows = await listPersons({ actor, query: { q: q.q, limit: q.limit ?? 5000 }, summaries: true });
  for (const p of rows) yield [p.id, p.name, p.nameFa, p.aliases.join(SEP), p.positions.map((x) => (x.from || x.to ? `${x.title} (${x.from ?? ""}–${x.to ?? ""})` : x.title)).join(SEP), positionsFa(p.positions), p.summary ?? "", p.summaryFa ?? "", p.statusNotes ?? "", p.statusNotesFa ?? ""];
}

/**
 * The Persian titles, one for each entry of the positions column and in its order (empty where a
 * position has none), so a spreadsheet can pair them up; empty when no position has one.
 */
function positionsFa(positions: { titleFa: string }[]): string {
  return positions.some((x) => x.titleFa) ? positions.map((x) => x.titleFa).join(SEP) : "";
}

async function* linkRows(actor: Actor, q: z.infer<typeof ZLinksCsv>) {
  const where = { personId: q.personId, statementId: q.statementId, statement: visibleStatementWhere(actor) };
  let after: string | undefined;
  for (;;) {
    const page = await read((db) =>
      db.link.findMany({
        where: { ...where, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: PAGE,
        include: {
          statement: { select: { title: true, witness: { select: { code: true } } } },
          person: { select: { name: true } },
          event: { select: { title: true } },
          place: { select: { name: true } },
          proceeding: { select: { title: true, titleFa: true } },
        },
      }),
    );
    for (const l of page)
      yield [l.id, l.statementId, l.statement.title, l.statement.witness.code, l.revisionNumber, l.quote, l.personId, l.person.name, l.role, l.allegationType, l.event?.title, l.place?.name, l.proceeding?.title, l.anchor, l.note, l.createdAt, l.proceeding?.titleFa];
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

/** A list's CSV as asked for: who asks, which list, and its filters, checked. */
export type ListCsvRequest = { actor: Actor } & (
  | { kind: "statements"; filters: z.infer<typeof ZStatementsCsv> }
  | { kind: "links"; filters: z.infer<typeof ZLinksCsv> }
  | { kind: "persons"; filters: z.infer<typeof ZRegistryQuery> }
);

/**
 * Checks permission and parameters for one list's CSV, reading and recording nothing: what a
 * download checks before its first byte, and all that a HEAD request for the file is answered
 * with (a HEAD sends no file, so it must not be audited as a download).
 */
export function checkListCsv({ actor, kind, query }: { actor: Actor | null; kind: CsvKind; query: Record<string, unknown> }): ListCsvRequest {
  authorize(actor, "list.export");
  authorize(actor, kind === "persons" ? "registry.read" : "statement.read");
  if (kind === "statements") return { actor, kind, filters: parseInput(ZStatementsCsv, query) };
  if (kind === "links") return { actor, kind, filters: parseInput(ZLinksCsv, query) };
  return { actor, kind, filters: parseInput(ZRegistryQuery, query) };
}

/**
 * The CSV of one list as a stream. Checks permission and parameters before the first byte, and
 * records the download in the audit log (which list, which filters; never the content).
 */
export async function exportListCsv({ actor, kind, query }: { actor: Actor | null; kind: CsvKind; query: Record<string, unknown> }): Promise<Readable> {
  const asked = checkListCsv({ actor, kind, query });
  const rows: AsyncGenerator<unknown[]> =
    asked.kind === "statements" ? statementRows(asked.actor, asked.filters) : asked.kind === "links" ? linkRows(asked.actor, asked.filters) : personRows(asked.actor, asked.filters);
  await write((tx) => writeAudit(tx, { actor: asked.actor, action: "list.export", recordType: "List", recordId: kind, after: { format: "csv", filters: asked.filters } }));
  const out = stringify({ bom: true, header: true, columns: [...CSV_COLUMNS[kind]], cast: { boolean: (b) => (b ? "true" : "false"), date: (d) => d.toISOString() } });
  const source = Readable.from(
    (async function* () {
      for await (const r of rows) yield r.map(safeCell);
    })(),
  );
  source.on("error", (e) => out.destroy(e));
  return source.pipe(out);
}

export function csvFileName(kind: CsvKind, now = new Date()): string {
  return `casefile-${kind}-${now.toISOString().slice(0, 10)}.csv`;
}
