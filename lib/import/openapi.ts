import { errors, idParam, json, ok, queryParams } from "@/lib/api/openapi-parts";
import { IMPORT_KINDS } from "./fields";
import { ZImportJobQuery } from "./jobs";
import { ZRunImport } from "./uploads";
import { ZSaveTemplate } from "./templates";

// The imports part of the OpenAPI document: schemas inline, so registering it is one spread.
const problem = { type: "object", properties: { column: { type: ["string", "null"] }, key: { type: "string", description: "Message key, optionally ':' and one argument (unknown_person:Hamid X)" } } };
const row = {
  type: "object",
  properties: {
    row: { type: "integer", description: "The row number as a spreadsheet shows it (the header is row 1)" },
    outcome: {
      type: "string",
      enum: ["CREATE", "LINK", "UPDATE", "REFUSE", "ALREADY"],
      description: "LINK: an existing record, left as it is; UPDATE: an existing record that the row changes (the fields in changes)",
    },
    label: { type: "string" },
    changes: { type: "array", items: { type: "string" }, description: "UPDATE only: the fields the row changes (statusNotes, statusNotesFa)" },
    record: { type: ["object", "null"], properties: { type: { type: "string" }, id: { type: ["string", "null"] }, label: { type: "string" } } },
    problems: { type: "array", items: problem },
    warnings: { type: "array", items: problem },
    batch: { type: "integer" },
    cells: { type: "object", description: "Refused rows only, never a witness sheet's: the cells as read", additionalProperties: { type: ["string", "null"] } },
  },
};
const result = {
  type: "object",
  properties: {
    jobId: { type: "string" },
    kind: { type: "string", enum: [...IMPORT_KINDS] },
    format: { type: "string", enum: ["CSV", "ZIP"] },
    fileName: { type: "string" },
    fileSha256: { type: "string" },
    dryRun: { type: "boolean" },
    status: { type: "string", enum: ["COMPLETED", "REFUSED", "FAILED"] },
    headers: { type: "array", items: { type: "string" } },
    mapping: { type: "object", additionalProperties: { type: "string" } },
    counts: { type: "object", properties: { rows: { type: "integer" }, created: { type: "integer" }, linked: { type: "integer" }, updated: { type: "integer" }, refused: { type: "integer" }, already: { type: "integer" } } },
    rows: { type: "array", items: row },
    batches: { type: "array", items: { type: "object", properties: { batch: { type: "integer" }, fromRow: { type: "integer" }, toRow: { type: "integer" }, rows: { type: "integer" }, committed: { type: "boolean" } } } },
  },
};
const job = {
  type: "object",
  properties: {
    id: { type: "string" },
    status: { type: "string", enum: ["PENDING", "CHECKING", "RUNNING", "COMPLETED", "REFUSED", "FAILED"] },
    rowsTotal: { type: "integer" },
    rowsDone: { type: "integer" },
    created: { type: "integer" },
    linked: { type: "integer" },
    updated: { type: "integer" },
    refused: { type: "integer" },
    error: { type: ["string", "null"] },
    rows: { type: "array", items: row },
  },
};

export function importPaths() {
  return {
    "/imports": {
      post: {
        summary: "Upload a CSV (or a ZIP of one CSV and the files its rows name) and dry-run it (admin, researcher)",
        description:
          "The file is streamed to disk and hashed. Nothing is written to the records: the answer says per row what the import would create, link or refuse, and why. " +
          "A file in the wrong encoding, without required columns, or a ZIP without a CSV is refused whole (400, error.fields.file).",
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["file", "kind"],
                properties: {
                  kind: { type: "string", enum: [...IMPORT_KINDS] },
                  template: { type: "string", description: "A saved column template of this kind" },
                  mapping: { type: "string", description: "JSON: sheet header -> field" },
                  file: { type: "string", format: "binary" },
                },
              },
            },
          },
        },
        responses: { "200": ok(result, "The dry run's report"), ...errors(400, 401, 403, 413) },
      },
    },
    "/imports/{id}": {
      parameters: [idParam],
      get: {
        summary: "An import job: status, progress (rowsDone of rowsTotal) and, unless rows=0, its per-row report",
        parameters: queryParams(ZImportJobQuery),
        responses: { "200": ok(job), ...errors(400, 401, 403, 404) },
      },
    },
    "/imports/{id}/run": {
      parameters: [idParam],
      post: {
        summary: "Dry-run the job's file again (dryRun: true, with a changed mapping or fixed cells), or start the real run (dryRun: false; answered 202 with the new job id)",
        requestBody: { required: true, content: { "application/json": { schema: json(ZRunImport) } } },
        responses: { "200": ok(result, "The dry run's report"), "202": ok({ type: "object", properties: { jobId: { type: "string" }, status: { type: "string" } } }, "Started"), ...errors(400, 401, 403, 404) },
      },
    },
    "/imports/templates": {
      get: { summary: "Saved column templates, optionally of one kind", parameters: [{ name: "kind", in: "query", required: false, schema: { type: "string", enum: [...IMPORT_KINDS] } }], responses: { "200": ok({ type: "object" }), ...errors(400, 401, 403) } },
      post: { summary: "Save (or replace) a column template by kind and name", requestBody: { required: true, content: { "application/json": { schema: json(ZSaveTemplate) } } }, responses: { "200": ok({ type: "object" }), ...errors(400, 401, 403) } },
    },
  };
}
