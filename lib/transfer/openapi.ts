import { errors, queryParams } from "@/lib/api/openapi-parts";
import { ZRegistryQuery } from "@/lib/registries/schemas";
import { ZLinksCsv, ZStatementsCsv } from "./csv";

// The exports part of the OpenAPI document (formats in lib/transfer/FORMAT.md).
const csv = (description: string) => ({ description, content: { "text/csv": { schema: { type: "string" } } } });

export function exportPaths() {
  return {
    "/exports/statements.csv": {
      get: { summary: "The statements list as CSV (UTF-8 with BOM; witnesses by code only; statements the reader may not see are left out)", parameters: queryParams(ZStatementsCsv), responses: { "200": csv("CSV"), ...errors(400, 401, 403) } },
    },
    "/exports/persons.csv": {
      get: { summary: "The persons list as CSV (UTF-8 with BOM), each person's summary and status notes in English and in Persian; q searches names in any spelling. The PERSONS import reads it back", parameters: queryParams(ZRegistryQuery), responses: { "200": csv("CSV"), ...errors(400, 401, 403) } },
    },
    "/exports/links.csv": {
      get: { summary: "Links between statements and persons as CSV (UTF-8 with BOM)", parameters: queryParams(ZLinksCsv), responses: { "200": csv("CSV"), ...errors(400, 401, 403) } },
    },
    "/exports/full.zip": {
      get: {
        summary: "The full export (JSON of every table + exhibit files; format in lib/transfer/FORMAT.md), administrators only",
        responses: { "200": { description: "ZIP", content: { "application/zip": { schema: { type: "string", format: "binary" } } } }, ...errors(401, 403) },
      },
    },
  };
}
