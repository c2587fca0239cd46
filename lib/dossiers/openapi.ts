import { body, errors, idParam, json, ok, ref } from "@/lib/api/openapi-parts";
import { ZAddItem, ZCreateDossier, ZDossierOut, ZDossierSummaryOut, ZUpdateDossier, ZUpdateItem } from "./schemas";

// The dossiers part of the OpenAPI document (building; the export has its own part).
export function dossierSchemas() {
  return {
    Dossier: json(ZDossierOut, "output"),
    DossierSummary: json(ZDossierSummaryOut, "output"),
    CreateDossier: json(ZCreateDossier),
    UpdateDossier: json(ZUpdateDossier),
    AddDossierItem: json(ZAddItem),
    UpdateDossierItem: json(ZUpdateItem),
  };
}

const itemParam = { name: "itemId", in: "path", required: true, schema: { type: "string" } };

export function dossierPaths() {
  return {
    "/dossiers": {
      get: { summary: "All dossiers, most recently changed first", responses: { "200": ok({ type: "object", properties: { items: { type: "array", items: ref("DossierSummary") } } }), ...errors(401, 403) } },
      post: {
        summary: "Create a dossier for a proceeding or a person (legal, admin); the verified statements linked to it are pre-selected unless preselect is false",
        requestBody: body("CreateDossier"),
        responses: { "201": ok(ref("Dossier"), "Created"), ...errors(400, 401, 403) },
      },
    },
    "/dossiers/{id}": {
      parameters: [idParam],
      get: { summary: "One dossier with its items in order, their CF numbers, statuses and consent exclusions", responses: { "200": ok(ref("Dossier")), ...errors(401, 403, 404) } },
      patch: { summary: "Change the title or description", requestBody: body("UpdateDossier"), responses: { "200": ok(ref("Dossier")), ...errors(400, 401, 403, 404) } },
      delete: {
        summary: "Delete a dossier and its items (its history stays in the audit log)",
        responses: { "200": ok({ type: "object", properties: { id: { type: "string" }, deleted: { type: "boolean" } } }), ...errors(401, 403, 404) },
      },
    },
    "/dossiers/{id}/items": {
      parameters: [idParam],
      post: {
        summary:
          "Add a statement, exhibit or source. It gets the next CF number, or its old one if it was in the dossier before. 409 if already in the dossier; 422 when the witness's consent does not cover legal sharing",
        requestBody: body("AddDossierItem"),
        responses: { "201": ok(ref("Dossier"), "Added"), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/dossiers/{id}/items/{itemId}": {
      parameters: [idParam, itemParam],
      patch: { summary: "Move an item (up, down, or to a 1-based position) and/or change its note; numbers never change", requestBody: body("UpdateDossierItem"), responses: { "200": ok(ref("Dossier")), ...errors(400, 401, 403, 404) } },
      delete: { summary: "Remove an item; its number is kept for the record should it be added again", responses: { "200": ok(ref("Dossier")), ...errors(401, 403, 404) } },
    },
  };
}
