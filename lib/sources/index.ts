// The sources register: list, get, create, update, grade (lib/sources/sources.ts).
export { createSource, getSource, gradeSource, listSources, updateSource } from "./sources";
export type { SourceOut } from "./schemas";
