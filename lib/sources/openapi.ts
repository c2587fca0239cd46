import { body, errors, idParam, json, ok, queryParams, ref } from "@/lib/api/openapi-parts";
import { ZClaimOut, ZCreateClaim, ZUpdateClaim } from "@/lib/claims/schemas";
import { ZCreateSource, ZGradeSource, ZListSources, ZSourceOut, ZUpdateSource } from "./schemas";

// The sources and claims part of the OpenAPI document.
export function sourceSchemas() {
  return {
    Source: json(ZSourceOut, "output"),
    CreateSource: json(ZCreateSource),
    UpdateSource: json(ZUpdateSource),
    GradeSource: json(ZGradeSource),
    Claim: json(ZClaimOut, "output"),
    CreateClaim: json(ZCreateClaim),
    UpdateClaim: json(ZUpdateClaim),
  };
}

const page = (item: string) => ok({ type: "object", properties: { items: { type: "array", items: ref(item) }, total: { type: "integer" }, page: { type: "integer" }, pageSize: { type: "integer" }, pages: { type: "integer", description: "Pages in all; a page past the last is answered with the last" } } });

export function sourcePaths() {
  return {
    "/sources": {
      get: { summary: "The sources register, newest first; q searches title, author, kind, citation; graded=yes|no by grading; dateToFix=yes the sources whose date was recorded as free text and cannot be read as a date", parameters: queryParams(ZListSources), responses: { "200": page("Source"), ...errors(400, 401, 403) } },
      post: { summary: "Record a source (admin, researcher, legal)", requestBody: body("CreateSource"), responses: { "201": ok(ref("Source"), "Created"), ...errors(400, 401, 403) } },
    },
    "/sources/{id}": {
      parameters: [idParam],
      get: { summary: "One source with its grading", responses: { "200": ok(ref("Source")), ...errors(401, 403, 404) } },
      patch: { summary: "Change a source's details (not its grading)", requestBody: body("UpdateSource"), responses: { "200": ok(ref("Source")), ...errors(400, 401, 403, 404, 409) } },
    },
    "/sources/{id}/grade": {
      parameters: [idParam],
      post: {
        summary: "Grade a source: reliability A–F, credibility 1–6, with reasons (admin, reviewer)",
        requestBody: body("GradeSource"),
        responses: { "200": ok(ref("Source")), ...errors(400, 401, 403, 404) },
      },
    },
    "/claims": {
      get: {
        summary: "With ?topic=, that topic's claims (lowest first) with their sources and grades; without, the topics and their claim counts",
        parameters: [{ name: "topic", in: "query", required: false, schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" } }],
        responses: {
          "200": ok({
            oneOf: [
              { type: "object", properties: { topic: { type: "string" }, items: { type: "array", items: ref("Claim") } } },
              { type: "object", properties: { topics: { type: "array", items: { type: "object", properties: { topic: { type: "string" }, count: { type: "integer" } } } } } },
            ],
          }),
          ...errors(400, 401, 403),
        },
      },
      post: { summary: "Record a claim (low ≤ high, neither negative)", requestBody: body("CreateClaim"), responses: { "201": ok(ref("Claim"), "Created"), ...errors(400, 401, 403) } },
    },
    "/claims/{id}": {
      parameters: [idParam],
      get: { summary: "One claim", responses: { "200": ok(ref("Claim")), ...errors(401, 403, 404) } },
      patch: { summary: "Change a claim (the range is checked as it would be after the change)", requestBody: body("UpdateClaim"), responses: { "200": ok(ref("Claim")), ...errors(400, 401, 403, 404) } },
    },
  };
}
