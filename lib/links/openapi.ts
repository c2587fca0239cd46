import { body, errors, json, ok, ref } from "@/lib/api/openapi-parts";
import { ZAllegationQuotesOut, ZMatrixOut, ZPersonAllegationsOut, ZProceedingEvidenceOut, ZQuoteOut, ZTimelineOut } from "@/lib/corroboration/schemas";
import { ALLEGATION_TYPES, ZCreateLink, ZLinkOut, ZSuggestionOut, ZUpdateLink } from "./schemas";

// The links and corroboration part of the OpenAPI document (lib/api/openapi.ts), from the
// same zod schemas the operations validate with.
const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
const conflict = {
  "409": {
    description:
      "The passage is not on the statement's current revision (fields.revisionNumber: link_old_revision), the quote is not exactly the revision's text at the offsets (fields.quote: quote_mismatch), or another link of the statement already cites this passage of this revision for the same person, role, allegation type, event, place and proceeding (fields.quote: link_duplicate).",
    content: { "application/json": { schema: ref("Error") } },
  },
};

export function linkSchemas() {
  return {
    Link: json(ZLinkOut, "output"),
    CreateLink: json(ZCreateLink),
    UpdateLink: json(ZUpdateLink),
    LinkSuggestion: json(ZSuggestionOut, "output"),
    PersonAllegations: json(ZPersonAllegationsOut, "output"),
    AllegationQuote: json(ZQuoteOut, "output"),
    AllegationQuotes: json(ZAllegationQuotesOut, "output"),
    ProceedingEvidence: json(ZProceedingEvidenceOut, "output"),
    CorroborationMatrix: json(ZMatrixOut, "output"),
    Timeline: json(ZTimelineOut, "output"),
  };
}

export function linkPaths() {
  return {
    "/links": {
      get: {
        summary: "Links naming a person, or of an event or a proceeding (exactly one of the three)",
        parameters: ["personId", "eventId", "proceedingId"].map((name) => ({ name, in: "query", required: false, schema: { type: "string" } })),
        responses: { "200": ok({ type: "object", properties: { items: { type: "array", items: ref("Link") } } }), ...errors(400, 401, 403, 404) },
      },
      post: {
        summary: "Link a passage of a statement's current revision to a person",
        description:
          "startOffset and endOffset count UTF-16 code units (as JavaScript strings do) into the revision's originalText; quote must equal originalText.slice(startOffset, endOffset) exactly. Audited; the audit keeps the quote's SHA-256 and length, not its words.",
        requestBody: body("CreateLink"),
        responses: { "201": ok(ref("Link"), "Created"), ...errors(400, 401, 403, 404, 413), ...conflict },
      },
    },
    "/links/{id}": {
      parameters: idParam,
      patch: {
        summary: "Change a link's facts, or point it at a passage of the current revision (fixes a NEEDS_REVIEW link)",
        description: "Empty string or null clears eventId, placeId or proceedingId. The passage fields go together: revisionNumber, startOffset, endOffset and quote.",
        requestBody: body("UpdateLink"),
        responses: { "200": ok(ref("Link")), ...errors(400, 401, 403, 404, 413), ...conflict },
      },
      delete: { summary: "Delete a link (audited)", responses: { "200": ok({ type: "object", properties: { id: { type: "string" }, deleted: { const: true } } }), ...errors(401, 403, 404) } },
    },
    "/statements/{id}/links": {
      parameters: idParam,
      get: {
        summary: "The links of a statement, in text order; NEEDS_REVIEW links point at the revision they were made on",
        responses: { "200": ok({ type: "object", properties: { statementId: { type: "string" }, revisionNumber: { type: "integer" }, items: { type: "array", items: ref("Link") } } }), ...errors(401, 403, 404) },
      },
    },
    "/statements/{id}/link-suggestions": {
      parameters: idParam,
      get: {
        summary: "Names of known persons, organisations and places found in the current revision's text, in either script and any spelling",
        description: "Best first, not overlapping; passages already linked to the same person or place are left out, and alreadyLinked says how many.",
        responses: {
          "200": ok({ type: "object", properties: { statementId: { type: "string" }, revisionNumber: { type: "integer" }, items: { type: "array", items: ref("LinkSuggestion") }, alreadyLinked: { type: "integer", minimum: 0 } } }),
          ...errors(401, 403, 404),
        },
      },
    },
    "/persons/{id}/allegations": {
      parameters: idParam,
      get: {
        summary: "Allegations against a person by event and allegation type, with independent-witness counts and the exact quotes",
        description: "A page of the person's events at a time (20; pages says how many), totals over all; each group with its first 20 quotes and quoteCount (/persons/{id}/allegations/quotes gives the others). Legal-team members count and see only statements whose witness's consent covers legal sharing.",
        parameters: [{ name: "page", in: "query", required: false, description: "Which page of the person's events (a page past the last gives the last).", schema: { type: "integer", minimum: 1, default: 1 } }],
        responses: { "200": ok(ref("PersonAllegations")), ...errors(400, 401, 403, 404) },
      },
    },
    "/persons/{id}/allegations/quotes": {
      parameters: idParam,
      get: {
        summary: "The quotes of one group of a person's allegations (what the person page loads when a group is opened)",
        description:
          "All of a group's quotes, in the same order and for the same reader as that group's first 20 in /persons/{id}/allegations: 20 at a time (pages says which page, of how many, and how many quotes in all). Legal-team members see and count only statements whose witness's consent covers legal sharing.",
        parameters: [
          { name: "type", in: "query", required: true, schema: { type: "string", enum: [...ALLEGATION_TYPES] } },
          { name: "event", in: "query", required: true, description: "The event's id, or none for the links that name no event.", schema: { type: "string" } },
          { name: "page", in: "query", required: false, description: "Which page of the group's quotes (a page past the last gives the last).", schema: { type: "integer", minimum: 1, default: 1 } },
        ],
        responses: { "200": ok(ref("AllegationQuotes")), ...errors(400, 401, 403, 404) },
      },
    },
    "/proceedings/{id}/evidence": {
      parameters: idParam,
      get: {
        summary: "Per defendant, the allegation types with their independent-witness counts; the statements in evidence with their quotes, a page at a time",
        parameters: [{ name: "page", in: "query", required: false, description: "Which page of the statements in evidence (20 a page; a page past the last gives the last).", schema: { type: "integer", minimum: 1, default: 1 } }],
        responses: { "200": ok(ref("ProceedingEvidence")), ...errors(400, 401, 403, 404) },
      },
    },
    "/graph/matrix": {
      get: {
        summary: "Persons × events: independent verified (and, apart, unverified) witnesses per cell",
        description: "At most limits.persons persons (the most corroborated allegations first) and limits.events events (the most corroborated among those persons); totals counts all under the filters.",
        parameters: [
          { name: "allegationType", in: "query", required: false, schema: { enum: [...ALLEGATION_TYPES] } },
          { name: "person", in: "query", required: false, description: "Only persons found by this name, in any spelling, Latin or Persian.", schema: { type: "string", maxLength: 200 } },
          { name: "event", in: "query", required: false, description: "Only events whose English or Persian title contains this, or matches it as a name would in another spelling or script, words left out or in another order (a number given must be in the title).", schema: { type: "string", maxLength: 200 } },
        ],
        responses: { "200": ok(ref("CorroborationMatrix")), ...errors(400, 401, 403) },
      },
    },
    "/graph/timeline": {
      get: {
        summary: "Events and persons' positions by the date ranges they allow",
        description: "At most limits.events events (the most evidenced) and limits.persons persons (the most corroborated) in the period; totals counts all of them, years every dated event by calendar year.",
        parameters: [
          { name: "from", in: "query", required: false, description: "Only what may fall on or after the first day this date allows: a day, month, season or year, Gregorian or Solar Hijri (1988-07-19, Mordad 1367, ۱۳۶۷/۰۵/۱۲, summer 1988).", schema: { type: "string", maxLength: 100 } },
          { name: "to", in: "query", required: false, description: "Only what may fall on or before the last day this date allows (as `from`; a `to` before `from` is a 400).", schema: { type: "string", maxLength: 100 } },
          { name: "calendar", in: "query", required: false, description: "The calendar whose years `years` counts by.", schema: { enum: ["gregorian", "persian"] } },
          {
            name: "person",
            in: "query",
            required: false,
            description: "Only the events linked to the persons found by this name (any spelling, Latin or Persian) in statements the caller may see, and those persons' positions; `years` counts their events.",
            schema: { type: "string", maxLength: 200 },
          },
          { name: "allegationType", in: "query", required: false, description: "Only the events of the caller's links of this allegation type, and the persons they name.", schema: { enum: [...ALLEGATION_TYPES] } },
          { name: "place", in: "query", required: false, description: "A place's id: only the events at that place (registered there, or cited with it by the caller's links), and the persons the caller's links there name. An unknown id is a 400.", schema: { type: "string", maxLength: 100 } },
          { name: "proceeding", in: "query", required: false, description: "A proceeding's id: only the events of the caller's links citing it, and the persons they name. An unknown id is a 400.", schema: { type: "string", maxLength: 100 } },
        ],
        responses: { "200": ok(ref("Timeline")), ...errors(400, 401, 403) },
      },
    },
  };
}
