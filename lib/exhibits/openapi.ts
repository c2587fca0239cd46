import { errors, json, ok, queryParams, ref } from "@/lib/api/openapi-parts";
import { ALLOWED_DESCRIPTION, ALLOWED_TYPES } from "./detect-type";
import { ZCustodyEntry, ZCustodyOut, ZExhibitDetailOut, ZExhibitFileQuery, ZExhibitOut, ZUploadOut, ZVerifyOut } from "./schemas";
import { DEFAULT_MAX_UPLOAD_BYTES } from "./storage";

// The exhibits part of the OpenAPI document (lib/api/openapi.ts), from the same zod schemas.
const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];

export function exhibitSchemas() {
  return {
    Exhibit: json(ZExhibitOut, "output"),
    ExhibitDetail: json(ZExhibitDetailOut, "output"),
    CustodyEntry: json(ZCustodyOut, "output"),
    CreateCustodyEntry: json(ZCustodyEntry),
    ExhibitUpload: json(ZUploadOut, "output"),
    VerifyResult: json(ZVerifyOut, "output"),
  };
}

export function exhibitPaths() {
  return {
    "/exhibits": {
      get: {
        summary: "Exhibits linked to a statement or a witness; without either, every exhibit (paged, newest first)",
        parameters: [
          { name: "statementId", in: "query", required: false, schema: { type: "string" } },
          { name: "witnessId", in: "query", required: false, schema: { type: "string" }, description: "At most one of statementId and witnessId." },
          { name: "page", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 1_000_000 }, description: "Only without statementId and witnessId. One past the last gives the last." },
          { name: "pageSize", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 200 } },
        ],
        responses: {
          "200": ok({ type: "object", properties: { items: { type: "array", items: ref("Exhibit") }, total: { type: "integer" }, page: { type: "integer" }, pageSize: { type: "integer" }, pages: { type: "integer" } } }),
          ...errors(400, 401, 403),
        },
      },
      post: {
        summary: "Upload a file as an exhibit of a statement or a witness",
        description:
          `The file is streamed to storage and its SHA-256 computed on the way. Its type is detected from its content (the name and the part's Content-Type are ignored); accepted: ${ALLOWED_DESCRIPTION}. ` +
          `Larger than the configured limit (default ${DEFAULT_MAX_UPLOAD_BYTES} bytes): 413. Content already stored as an exhibit is not stored again: that exhibit is linked and returned with deduplicated=true (status 200).`,
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["file"],
                properties: {
                  file: { type: "string", format: "binary", description: `One of: ${ALLOWED_TYPES.join(", ")}` },
                  statementId: { type: "string" },
                  witnessId: { type: "string" },
                  description: { type: "string", maxLength: 2000 },
                },
              },
            },
          },
        },
        responses: {
          "201": ok(ref("ExhibitUpload"), "Stored as a new exhibit"),
          "200": ok(ref("ExhibitUpload"), "Already stored: the existing exhibit was linked"),
          ...errors(400, 401, 403, 413),
        },
      },
    },
    "/exhibits/{id}": {
      parameters: idParam,
      get: { summary: "One exhibit with its links and chain of custody", responses: { "200": ok(ref("ExhibitDetail")), ...errors(401, 403, 404) } },
    },
    "/exhibits/{id}/file": {
      parameters: idParam,
      get: {
        summary: "Download the stored original",
        description:
          "Served byte for byte as an attachment with X-Content-Type-Options: nosniff and Repr-Digest (its SHA-256). inline=1 allows in-page preview of audio, video, PDF, images and text (still sandboxed). One Range is honoured (206).",
        parameters: queryParams(ZExhibitFileQuery),
        responses: {
          "200": { description: "The file", content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
          "206": { description: "Part of the file" },
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    "/exhibits/{id}/custody": {
      parameters: idParam,
      post: {
        summary: "Append a chain-of-custody entry (collected, received, copied, transferred)",
        requestBody: { required: true, content: { "application/json": { schema: ref("CreateCustodyEntry") } } },
        responses: { "201": ok(ref("CustodyEntry"), "Appended"), ...errors(400, 401, 403, 404, 413) },
      },
    },
    "/exhibits/{id}/verify": {
      parameters: idParam,
      post: {
        summary: "Recompute the stored file's SHA-256 and record the result (MATCH, MISMATCH, MISSING) as a custody entry",
        responses: { "201": ok(ref("VerifyResult"), "Recorded"), ...errors(401, 403, 404) },
      },
    },
  };
}
