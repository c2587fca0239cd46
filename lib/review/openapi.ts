import { body, errors, idParam, json, ok, queryParams } from "@/lib/api/openapi-parts";
import { ZCreateUser, ZListUsers } from "@/lib/users/schemas";
import { ZAssign, ZDecide, ZNotificationsQuery, ZQueue } from "./schemas";

// The review part of the OpenAPI document.
export function reviewSchemas() {
  return { Decide: json(ZDecide), Assign: json(ZAssign), CreateUser: json(ZCreateUser) };
}

const status = ok({ type: "object", properties: { id: { type: "string" }, status: { type: "string" }, assigneeId: { type: ["string", "null"] } } });

export function reviewPaths() {
  return {
    "/statements/{id}/submit": { parameters: [idParam], post: { summary: "Submit for review (author or admin)", responses: { "200": status, ...errors(401, 403, 404, 422) } } },
    "/statements/{id}/take": { parameters: [idParam], post: { summary: "Take a submitted statement for review (never one you wrote or revised)", responses: { "200": status, ...errors(401, 403, 404, 422) } } },
    "/statements/{id}/assign": {
      parameters: [idParam],
      post: { summary: "Assign a reviewer (admin)", requestBody: body("Assign"), responses: { "200": status, ...errors(400, 401, 403, 404, 422) } },
    },
    "/statements/{id}/reviews": {
      parameters: [idParam],
      get: { summary: "Reviews of a statement, newest first", responses: { "200": ok({ type: "object" }), ...errors(401, 403, 404) } },
      post: {
        summary: "Decide: VERIFIED (whole checklist, graded A–F / 1–6), CHANGES_REQUESTED, DISPUTED or REJECTED (with a comment; a grade optional, both scales or neither)",
        requestBody: body("Decide"),
        responses: { "201": ok({ type: "object" }, "Created"), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    "/review/queue": { get: { summary: "The reviewers' queue, oldest waiting first", description: "A page of `pageSize` statements with `total`; a `page` past the last answers the last page, and `page` in the answer says which was given.", parameters: queryParams(ZQueue), responses: { "200": ok({ type: "object" }), ...errors(400, 401, 403) } } },
    "/notifications": {
      get: { summary: "Your notices (assigned, sent back, decided); unread=true: only those not yet read", parameters: queryParams(ZNotificationsQuery), responses: { "200": ok({ type: "object" }), ...errors(400, 401) } },
      post: { summary: "Mark all your notices read", responses: { "200": ok({ type: "object" }), ...errors(401) } },
    },
    // The accounts, as the assignment of a reviewer picks from them (admin only).
    "/users": {
      get: { summary: "The accounts (admin), by email; role: only those with this role", parameters: queryParams(ZListUsers), responses: { "200": ok({ type: "object" }), ...errors(400, 401, 403) } },
      post: { summary: "Add an account (admin)", requestBody: body("CreateUser"), responses: { "201": ok({ type: "object" }, "Created"), ...errors(400, 401, 403, 409, 413) } },
    },
  };
}
