// The small list of error codes every entry point understands. lib/http.ts maps them to
// HTTP statuses; forms map them to messages. Anything that is not an AppError is a bug:
// it is logged with a reference id and shown as a generic error.
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_INPUT"
  | "INVALID_STATE"
  | "TOO_LARGE"
  | "RATE_LIMITED";

/** Field name -> message keys or messages (already in the user's language where possible). */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  /** Structured facts a client can act on, e.g. the possible duplicates behind a CONFLICT. Plain data only. */
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message?: string, fields?: FieldErrors, details?: Record<string, unknown>) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Prisma errors are recognised by their code, never by their message text. */
export function fromPrismaError(e: unknown): AppError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "P2002") return new AppError("CONFLICT", "A record with this value already exists.");
  if (code === "P2025") return new AppError("NOT_FOUND");
  return null;
}
