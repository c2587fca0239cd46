// Kept apart from index-record.ts (server-only) so schemas and pages can share it.
export const SEARCH_TYPES = ["statement", "person", "organisation", "place", "event", "proceeding", "source"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
