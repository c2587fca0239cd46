import { errors, json, ok, queryParams, ref } from "@/lib/api/openapi-parts";
import { ZSearchOut, ZSearchQuery } from "./schemas";

// The search part of the OpenAPI document.
export function searchSchemas() {
  return { SearchResults: json(ZSearchOut, "output") };
}

export function searchPaths() {
  return {
    "/search": {
      get: {
        summary:
          "Search statements (text, translations, summary), persons, organisations, places, events, proceedings and sources in any spelling or script. " +
          "A query naming a registered person also finds every spelling of their names and the statements linked to them. Words in double quotes are a phrase; " +
          "every other character is plain text. Statement filters (status, language, personId, eventId, placeId, proceedingId, authorId) limit results to statements. " +
          "Statements a legal team may not see (the witness's consent does not cover legal sharing) are absent. Unknown parameters are a 400.",
        parameters: queryParams(ZSearchQuery).map((p) => (p.name === "q" ? { ...p, required: true } : p)),
        responses: { "200": ok(ref("SearchResults")), ...errors(400, 401, 403) },
      },
    },
  };
}
