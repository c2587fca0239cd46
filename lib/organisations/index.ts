// The organisations registry.
export { createOrganisation, getOrganisation, listOrganisationPage, listOrganisations, searchOrganisations, updateOrganisation, type OrganisationHit } from "./organisations";
export type { OrganisationOut } from "./schemas";
