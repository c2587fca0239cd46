// The proceedings registry: trials, tribunals, UN mechanisms, truth commissions.
export { createProceeding, getProceeding, listProceedingPage, listProceedings, searchProceedings, updateProceeding, type ProceedingHit } from "./proceedings";
export { PROCEEDING_KINDS, type ProceedingKind, type ProceedingOut } from "./schemas";
