import { body, errors, json, ok, pagedItems, pageParams, ref } from "@/lib/api/openapi-parts";
import { ZConsentGrant, ZConsentOut, ZCreateWitness, ZReveal, ZRevealOut, ZUpdateWitness, ZWithdraw, ZWitnessOut } from "./witnesses";

// The witnesses part of the OpenAPI document (lib/api/openapi.ts), from the schemas the
// operations validate with.
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };

export function witnessSchemas() {
  return {
    Witness: json(ZWitnessOut, "output"),
    CreateWitness: json(ZCreateWitness),
    UpdateWitness: json(ZUpdateWitness),
    Reveal: json(ZReveal),
    RevealedIdentity: json(ZRevealOut, "output"),
    ConsentGrant: json(ZConsentGrant),
    Consent: json(ZConsentOut, "output"),
    Withdraw: json(ZWithdraw),
  };
}

export function witnessPaths() {
  return {
    "/witnesses": {
      get: {
        summary: "Witnesses by pseudonym code (a legal team sees only those whose consent covers legal sharing)",
        description: "One page of the witnesses by code (50 a page unless pageSize or perPage says otherwise), with total and pages as GET /statements answers; the count holds only the witnesses the caller may see.",
        parameters: [
          ...pageParams,
          { name: "q", in: "query", required: false, description: "All or part of a witness code, any case, Latin or Persian digits", schema: { type: "string", maxLength: 50 } },
        ],
        responses: {
          "200": ok(
            pagedItems({ type: "object", properties: { id: { type: "string" }, code: { type: "string" }, protectionLevel: { type: "string" }, fictional: { type: "boolean" }, statements: { type: "integer" } } }, { always: true }),
          ),
          ...errors(400, 401, 403),
        },
      },
      post: {
        summary: "Register a witness, with optional encrypted identity and initial consent grants",
        requestBody: body("CreateWitness"),
        responses: {
          "201": ok({ type: "object", properties: { id: { type: "string" }, code: { type: "string" }, protectionLevel: { type: "string" }, fictional: { type: "boolean" } } }, "Created"),
          ...errors(400, 401, 403, 413),
        },
      },
    },
    "/witnesses/{id}": {
      parameters: [idParam],
      get: {
        summary: "One witness: which identity fields are recorded (never their values), consent history, statements",
        description: "A legal-team member gets 404 unless the witness's consent in force covers legal sharing.",
        responses: { "200": ok(ref("Witness")), ...errors(401, 403, 404) },
      },
      patch: {
        summary: "Change protection level, notes or identity fields",
        description: "Only the identity fields given change; an empty string clears a field. The audit log records which fields changed, not their values.",
        requestBody: body("UpdateWitness"),
        responses: { "200": ok(ref("Witness")), ...errors(400, 401, 403, 404, 413) },
      },
    },
    "/witnesses/{id}/reveal": {
      parameters: [idParam],
      post: {
        summary: "Reveal the protected identity, for a reason recorded in the audit log",
        description: "Answered with 'Cache-Control: no-store'. A legal-team member may reveal only while consent covers legal sharing.",
        requestBody: body("Reveal"),
        responses: { "200": ok(ref("RevealedIdentity")), ...errors(400, 401, 403, 404) },
      },
    },
    "/witnesses/{id}/consents": {
      parameters: [idParam],
      post: {
        summary: "Record a consent grant (one scope)",
        requestBody: body("ConsentGrant"),
        responses: { "201": ok(ref("Consent"), "Created"), ...errors(400, 401, 403, 404, 413) },
      },
    },
    "/witnesses/{id}/consents/{consentId}/withdraw": {
      parameters: [idParam, { name: "consentId", in: "path", required: true, schema: { type: "string" } }],
      post: {
        summary: "Withdraw a consent in force (every open grant of its scope); takes effect at once",
        requestBody: body("Withdraw", false),
        responses: { "200": ok(ref("Consent")), ...errors(400, 401, 403, 404, 422) },
      },
    },
  };
}
