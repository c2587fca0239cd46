export { search, parseQuery, type SearchItem, type SearchResult } from "./search";
export { indexAfterChange, indexRecord } from "./index-record";
export { rebuildSearchIndex } from "./reindex";
export { SEARCH_TYPES, type SearchType } from "./types";
export { ZSearchQuery, ZSearchOut, ZSearchItemOut, MAX_QUERY_CHARS } from "./schemas";
