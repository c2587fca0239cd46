// The organisations registry.
export { createOrganisation, getOrganisation, listOrganisations, searchOrganisations, updateOrganisation, type OrganisationHit } from "./organisations";
export type { OrganisationOut } from "./schemas";
