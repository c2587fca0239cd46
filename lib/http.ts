import "server-only";
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { AppError, fromPrismaError, isAppError, type ErrorCode } from "./errors";
import { zodFieldErrors } from "./validation";

export const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  INVALID_STATE: 422,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
};

export function errorResponse(e: unknown): Response {
  const app = toAppError(e);
  if (app) {
    const body: { code: ErrorCode; message: string; fields?: Record<string, string[]>; details?: Record<string, unknown> } = {
      code: app.code,
      message: app.message,
    };
    if (app.fields) body.fields = app.fields;
    if (app.details) body.details = app.details;
    return Response.json({ error: body }, { status: STATUS[app.code] });
  }
  const ref = randomUUID();
  // Only the error's name and message: request bodies may carry witness identity.
  console.error(`[casefile] unexpected error ref=${ref}:`, e instanceof Error ? `${e.name}: ${e.message}` : "non-error thrown");
  return Response.json({ error: { code: "INTERNAL", message: `Unexpected error (reference ${ref}).` } }, { status: 500 });
}

export function toAppError(e: unknown): AppError | null {
  if (isAppError(e)) return e;
  if (e instanceof ZodError) return new AppError("INVALID_INPUT", "The request has invalid fields.", zodFieldErrors(e));
  return fromPrismaError(e);
}
