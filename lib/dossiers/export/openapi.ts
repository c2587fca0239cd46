import { errors, idParam, json, ok, ref } from "@/lib/api/openapi-parts";
import { ZStartExport } from "./schemas";

// The dossier-export part of the OpenAPI document.
const exportParam = { name: "exportId", in: "path", required: true, schema: { type: "string" } };

const exportOut = {
  type: "object",
  properties: {
    id: { type: "string" },
    dossierId: { type: "string" },
    status: { enum: ["PENDING", "RUNNING", "READY", "FAILED"] },
    phase: { type: "string" },
    done: { type: "integer" },
    total: { type: "integer" },
    error: {
      type: ["object", "null"],
      description: "FAILED: what went wrong. READY: code CONSENT_WITHDRAWN once the package was deleted from the server because a witness in it withdrew consent to legal sharing",
      properties: { code: { type: "string" }, message: { type: "string" }, exhibitNumber: { type: "string" } },
    },
    fileName: { type: ["string", "null"] },
    sha256: { type: ["string", "null"] },
    size: { type: ["integer", "null"] },
    excluded: { type: "object", properties: { count: { type: "integer" }, reasons: { type: "object", additionalProperties: { type: "integer" } } } },
    createdById: { type: "string" },
    createdAt: { type: "string" },
    finishedAt: { type: ["string", "null"] },
    mayDownload: { type: "boolean" },
    unavailable: {
      type: ["string", "null"],
      enum: ["CONSENT_WITHDRAWN", "PACKAGE_MISSING", null],
      description: "For a READY export whose package can no longer be downloaded (export the dossier again): a witness in it withdrew consent to legal sharing, or its file is gone; else null",
    },
  },
};

export function dossierExportSchemas() {
  return { DossierExport: exportOut, StartDossierExport: json(ZStartExport) };
}

export function dossierExportPaths() {
  return {
    "/dossiers/{id}/exports": {
      parameters: [idParam],
      post: {
        summary:
          "Start exporting the dossier as a verifiable ZIP package (legal, admin), in the background. Identities only with revealIdentities and a reason, and only where consent covers legal sharing and the caller may reveal them. 422 for an empty dossier",
        requestBody: { required: false, content: { "application/json": { schema: ref("StartDossierExport") } } },
        responses: { "202": ok(ref("DossierExport"), "Accepted: poll /dossier-exports/{exportId}"), ...errors(400, 401, 403, 404, 422) },
      },
      get: { summary: "The dossier's latest exports, newest first", responses: { "200": ok({ type: "object", properties: { items: { type: "array", items: ref("DossierExport") } } }), ...errors(401, 403, 404) } },
    },
    "/dossier-exports/{exportId}": {
      parameters: [exportParam],
      get: { summary: "Status and progress of one export (phase, done/total); when READY, the package's SHA-256 and size", responses: { "200": ok(ref("DossierExport")), ...errors(401, 403, 404) } },
    },
    "/dossier-exports/{exportId}/package": {
      parameters: [exportParam],
      get: {
        summary: "Download the finished package (application/zip, streamed, audited); only its exporter or an admin. 422 once a witness whose statement or exhibit it held has withdrawn consent to legal sharing: the package is then deleted from the server (export again)",
        responses: { "200": { description: "The ZIP package", content: { "application/zip": { schema: { type: "string", format: "binary" } } } }, ...errors(401, 403, 404, 422) },
      },
    },
  };
}
