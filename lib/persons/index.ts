// The persons registry: officials and others named in testimony, with every spelling of
// their names, their positions over time, and name search across scripts (lib/names).
export { createPerson } from "./create-person";
export { duplicateError, findPersonDuplicates } from "./find-duplicates";
export { getPerson } from "./get-person";
export { listPersonPage, listPersons, type PersonRow } from "./list-persons";
export { searchPersons, type PersonHit } from "./search-persons";
export { updatePerson } from "./update-person";
export type { DuplicateCandidate, PersonOut } from "./schemas";
