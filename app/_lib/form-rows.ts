import "server-only";
import { asFormData } from "./run-form";

// Forms with repeating groups of fields (a person's aliases and positions, a proceeding's
// timeline) name their inputs "aliases.3.name", "aliases.3.note", … (see RowsField). The
// numbers are only keys: rows may have been removed in between. These helpers turn them into
// a list for the lib operation, without the rows left entirely blank, and renumber them from 0
// so that the field errors the lib returns ("aliases.1.note") point at the rows the form shows
// again after a failed submission.

const KEY = /^(.+)\.(\d+)\.([A-Za-z]+)$/;

/** The non-blank rows of one group, in the order the form had them, and their renumbered form values. */
export function collectRows(formData: unknown, group: string, columns: readonly string[]): { rows: Record<string, string>[]; values: Record<string, string> } {
  const byIndex = new Map<number, Record<string, string>>();
  for (const [key, raw] of asFormData(formData).entries()) {
    const m = KEY.exec(key);
    if (!m || m[1] !== group || !columns.includes(m[3]!) || typeof raw !== "string") continue;
    const i = Number(m[2]);
    const row = byIndex.get(i) ?? {};
    row[m[3]!] = raw.replace(/\r\n?/g, "\n");
    byIndex.set(i, row);
  }
  const rows = [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, r]) => r)
    .filter((r) => columns.some((c) => (r[c] ?? "").trim() !== ""));
  // The count, so a form whose rows were all removed does not show the record's rows again.
  const values: Record<string, string> = { [`${group}.count`]: String(rows.length) };
  rows.forEach((r, i) => columns.forEach((c) => (values[`${group}.${i}.${c}`] = r[c] ?? "")));
  return { rows, values };
}

/** Every value of a multi-valued field (several hidden inputs with one name), non-blank. */
export function allValues(formData: unknown, name: string): string[] {
  return asFormData(formData).getAll(name).filter((v): v is string => typeof v === "string" && v.trim() !== "");
}
