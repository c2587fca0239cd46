// Links (allegations): exact passages of a fixed statement revision that cite what a witness
// says about a person, re-anchored on every new revision, and suggested from the text.
export { offsetProblems, reanchor, type ReanchorResult } from "./anchor";
export {
  createLink,
  deleteLink,
  linkOut,
  listLinksForEvent,
  listLinksForPerson,
  listLinksForProceeding,
  listLinksForStatement,
  listProceedingChoices,
  updateLink,
  visibleStatementWhere,
} from "./links";
export { reanchorLinks, type ReanchorSummary } from "./reanchor";
export { suggestLinks } from "./suggest-links";
export { ALLEGATION_TYPES, LINK_ROLES, type AllegationType, type LinkOut, type LinkRole } from "./schemas";
