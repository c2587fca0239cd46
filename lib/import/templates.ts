import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { read, write } from "@/lib/db/write";
import { parseInput, zOwnRecord, zQuery, zQueryChoice, zText } from "@/lib/validation";
import { FIELDS, IMPORT_KINDS, type ImportKind, type Mapping } from "./fields";

// Column mappings saved under a name per kind, so the next sheet of the same shape maps itself.

export const ZSaveTemplate = z.object({
  kind: z.enum(IMPORT_KINDS, { error: "invalid_choice" }),
  name: zText(100),
  mapping: zOwnRecord(z.string().max(300), z.string().max(100), "import_mapping_invalid"),
});

export type TemplateOut = { id: string; kind: ImportKind; name: string; mapping: Mapping; updatedAt: string };

export async function saveTemplate({ actor, input }: { actor: Actor | null; input: unknown }): Promise<TemplateOut> {
  authorize(actor, "import.run");
  const data = parseInput(ZSaveTemplate, input);
  const fields = new Set(FIELDS[data.kind].map((f) => f.field));
  const mapping = Object.fromEntries(Object.entries(data.mapping).filter(([, f]) => f === "" || fields.has(f)));
  return write(async (tx) => {
    const before = await tx.importTemplate.findUnique({ where: { kind_name: { kind: data.kind, name: data.name } } });
    const t = before
      ? await tx.importTemplate.update({ where: { id: before.id }, data: { mapping: JSON.stringify(mapping) } })
      : await tx.importTemplate.create({ data: { kind: data.kind, name: data.name, mapping: JSON.stringify(mapping), createdById: actor.id } });
    await writeAudit(tx, {
      actor,
      action: before ? "import-template.update" : "import-template.create",
      recordType: "ImportTemplate",
      recordId: t.id,
      before: before ? { kind: before.kind, name: before.name, mapping: JSON.parse(before.mapping) } : undefined,
      after: { kind: t.kind, name: t.name, mapping },
    });
    return { id: t.id, kind: t.kind as ImportKind, name: t.name, mapping, updatedAt: t.updatedAt.toISOString() };
  });
}

// A kind that is none of the importer's is refused: it matched no template, and an empty list
// looked like an answer ("none saved") to a misspelt kind.
export const ZListTemplates = zQuery({ kind: zQueryChoice(IMPORT_KINDS) });

/** The saved templates, or those of one `kind` (as an address gives it: blank is all). */
export async function listTemplates({ actor, kind }: { actor: Actor | null; kind?: unknown }): Promise<TemplateOut[]> {
  authorize(actor, "import.run");
  const q = parseInput(ZListTemplates, { kind });
  const rows = await read((db) => db.importTemplate.findMany({ where: q.kind ? { kind: q.kind } : undefined, orderBy: [{ kind: "asc" }, { name: "asc" }] }));
  return rows.map((t) => ({ id: t.id, kind: t.kind as ImportKind, name: t.name, mapping: JSON.parse(t.mapping) as Mapping, updatedAt: t.updatedAt.toISOString() }));
}
