import "server-only";
import type { Paged } from "@/lib/paging";
import { pageOfSearch } from "@/lib/registries/list-page";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Tx } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { parseAliasColumn, rankByName, type Ranked } from "@/lib/registries/rank";
import { ZRegistrySearchQuery } from "@/lib/registries/schemas";
import { parseInput } from "@/lib/validation";
import { ZCreateOrganisation, ZUpdateOrganisation, type OrganisationOut } from "./schemas";

type Row = { id: string; name: string; nameFa: string; aliases: string; note: string; createdAt: Date; updatedAt: Date };

function toOut(o: Row): OrganisationOut {
  return { id: o.id, name: o.name, nameFa: o.nameFa, aliases: parseAliasColumn(o.aliases), note: o.note, createdAt: o.createdAt.toISOString(), updatedAt: o.updatedAt.toISOString() };
}

const auditView = ({ name, nameFa, aliases, note }: OrganisationOut) => ({ name, nameFa, aliases, note });

/** Names are unique in the registry: a second "Tudeh Party of Iran" is refused with a field error. */
async function assertNameFree(tx: Tx, name: string, exceptId?: string) {
  const other = await tx.organisation.findUnique({ where: { name }, select: { id: true } });
  if (other && other.id !== exceptId) throw new AppError("CONFLICT", "An organisation with this name already exists.", { name: ["name_taken"] });
}

export async function createOrganisation({ actor, input }: { actor: Actor | null; input: unknown }): Promise<OrganisationOut> {
  authorize(actor, "registry.edit");
  const data = parseInput(ZCreateOrganisation, input);
  return write(async (tx) => {
    await assertNameFree(tx, data.name);
    const org = toOut(await tx.organisation.create({ data: { name: data.name, nameFa: data.nameFa, aliases: JSON.stringify(data.aliases), note: data.note } }));
    await writeAudit(tx, { actor, action: "organisation.create", recordType: "Organisation", recordId: org.id, after: auditView(org) });
    return org;
  });
}

/** PATCH: a field left out keeps its value; aliases, when given, replace the list. */
export async function updateOrganisation({ actor, organisationId, input }: { actor: Actor | null; organisationId: string; input: unknown }): Promise<OrganisationOut> {
  authorize(actor, "registry.edit");
  const data = parseInput(ZUpdateOrganisation, input);
  return write(async (tx) => {
    const row = await tx.organisation.findUnique({ where: { id: organisationId } });
    if (!row) throw new AppError("NOT_FOUND", "No such organisation.");
    if (data.baseUpdatedAt && data.baseUpdatedAt !== row.updatedAt.toISOString())
      throw new AppError("CONFLICT", "This organisation was changed since you opened it. Reload and edit again.", { baseUpdatedAt: ["stale_revision"] });
    if (data.name !== undefined) await assertNameFree(tx, data.name, organisationId);
    const after = toOut(
      await tx.organisation.update({
        where: { id: organisationId },
        data: { name: data.name, nameFa: data.nameFa, aliases: data.aliases ? JSON.stringify(data.aliases) : undefined, note: data.note, updatedAt: new Date() },
      }),
    );
    await writeAudit(tx, { actor, action: "organisation.update", recordType: "Organisation", recordId: organisationId, before: auditView(toOut(row)), after: auditView(after) });
    return after;
  });
}

export async function getOrganisation({ actor, organisationId }: { actor: Actor | null; organisationId: string }): Promise<OrganisationOut> {
  authorize(actor, "registry.read");
  const row = await read((db) => db.organisation.findUnique({ where: { id: organisationId } }));
  if (!row) throw new AppError("NOT_FOUND", "No such organisation.");
  return toOut(row);
}

export type OrganisationHit = Ranked<OrganisationOut>;

/**
 * Organisations by any spelling of their names or aliases (lib/names), best first; without `q`,
 * all by name as a page in `locale` lists them (rankByName; by default the Latin name's order).
 */
export async function searchOrganisations({ actor, query, locale }: { actor: Actor | null; query?: unknown; locale?: string }): Promise<OrganisationHit[]> {
  authorize(actor, "registry.read");
  const q = parseInput(ZRegistrySearchQuery, query ?? {});
  const rows = await read((db) => db.organisation.findMany());
  return rankByName(rows.map(toOut), q.q, { limit: q.limit, locale });
}

/** The list page and GET /organisations: the same as the search. */
export const listOrganisations = searchOrganisations;

/** The list page: the search's results, in `locale`'s order (searchOrganisations), a page at a time (pageOfSearch). */
export async function listOrganisationPage({ actor, query, locale }: { actor: Actor | null; query?: unknown; locale?: string }): Promise<Paged<OrganisationHit>> {
  authorize(actor, "registry.read");
  return pageOfSearch(query, (q) => searchOrganisations({ actor, query: q, locale }));
}
