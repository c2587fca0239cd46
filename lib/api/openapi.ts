import { z } from "zod";
import { errors, json, ok } from "./openapi-parts";
import { dossierPaths, dossierSchemas } from "@/lib/dossiers/openapi";
import { dossierExportPaths, dossierExportSchemas } from "@/lib/dossiers/export/openapi";
import { exhibitPaths, exhibitSchemas } from "@/lib/exhibits/openapi";
import { importPaths } from "@/lib/import/openapi";
import { exportPaths } from "@/lib/transfer/openapi";
import { linkPaths, linkSchemas } from "@/lib/links/openapi";
import { registryPaths, registrySchemas } from "@/lib/registries/openapi";
import { ZCreateStatement, ZCreateStatementByCode, ZListStatements, ZStatementOut, ZUpdateStatement } from "@/lib/statements/schemas";
import { reviewPaths, reviewSchemas } from "@/lib/review/openapi";
import { searchPaths, searchSchemas } from "@/lib/search/openapi";
import { sourcePaths, sourceSchemas } from "@/lib/sources/openapi";
import { witnessPaths, witnessSchemas } from "@/lib/witnesses/openapi";

// The OpenAPI document, generated from the same zod schemas the handlers validate with.

const ZError = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.array(z.string())).optional() }),
});



export function openApiDocument() {
  const listQuery = json(ZListStatements) as { properties: Record<string, object> };
  return {
    openapi: "3.1.0",
    info: { title: "Casefile API", version: "1", description: "Authenticate with 'Authorization: Bearer <personal access token>' (Settings → tokens) or a session cookie." },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: json(ZError, "output"),
        Statement: json(ZStatementOut, "output"),
        CreateStatement: json(ZCreateStatement),
        // The witness by its pseudonym code (W-0012), as the new-statement form names it.
        CreateStatementByCode: json(ZCreateStatementByCode),
        UpdateStatement: json(ZUpdateStatement),
        ...exhibitSchemas(),
        ...linkSchemas(),
        ...registrySchemas(),
        ...witnessSchemas(),
        ...reviewSchemas(),
        ...sourceSchemas(),
        ...searchSchemas(),
        ...dossierSchemas(),
        ...dossierExportSchemas(),
      },
    },
    security: [{ bearer: [] }],
    paths: {
      "/health": {
        get: {
          security: [],
          summary: "Liveness and database kind",
          responses: { "200": ok({ type: "object", properties: { status: { const: "ok" }, database: { enum: ["sqlite", "postgresql"] } } }) },
        },
      },
      "/statements": {
        get: {
          summary: "List statements",
          description: "A page of `pageSize` statements, newest change first, with `total` and `pages`; a `page` past the last answers the last page, and `page` in the answer says which was given.",
          parameters: Object.entries(listQuery.properties).map(([name, schema]) => ({ name, in: "query", required: false, schema })),
          responses: { "200": ok({ type: "object", properties: { items: { type: "array" }, total: { type: "integer" }, page: { type: "integer" }, pageSize: { type: "integer" }, pages: { type: "integer" } } }), ...errors(400, 401, 403) },
        },
        post: {
          summary: "Create a statement (revision 1)",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { oneOf: [{ $ref: "#/components/schemas/CreateStatement" }, { $ref: "#/components/schemas/CreateStatementByCode" }] } } },
          },
          responses: { "201": ok({ $ref: "#/components/schemas/Statement" }, "Created"), ...errors(400, 401, 403, 413) },
        },
      },
      "/statements/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: { summary: "One statement, current revision", responses: { "200": ok({ $ref: "#/components/schemas/Statement" }), ...errors(401, 403, 404) } },
        put: {
          summary: "Save a new revision",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/UpdateStatement" } } } },
          responses: { "200": ok({ $ref: "#/components/schemas/Statement" }), ...errors(400, 401, 403, 404, 409, 413) },
        },
        patch: {
          summary: "Save a new revision (the same operation as PUT)",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/UpdateStatement" } } } },
          responses: { "200": ok({ $ref: "#/components/schemas/Statement" }), ...errors(400, 401, 403, 404, 409, 413) },
        },
      },
      ...witnessPaths(),
      ...reviewPaths(),
      ...exhibitPaths(),
      ...linkPaths(),
      ...registryPaths(),
      ...sourcePaths(),
      ...searchPaths(),
      ...dossierPaths(),
      ...dossierExportPaths(),
      ...importPaths(),
      ...exportPaths(),
      "/audit/verify": {
        get: {
          summary: "Verify the audit hash chain",
          responses: {
            "200": ok({ type: "object", properties: { ok: { type: "boolean" }, events: { type: "integer" }, firstBad: { type: "integer" } }, required: ["ok", "events"] }),
            ...errors(401, 403),
          },
        },
      },
    },
  };
}
