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

/** PostgreSQL's "character not in repertoire": a NUL character in a value it was sent. */
const PG_UNSTORABLE_CHARACTER = "22021";

/**
 * Database errors are recognised by their code, never by their message text: Prisma's own codes,
 * and PostgreSQL's through the driver adapter (`cause.code`) or from pg itself (`code`).
 */
export function fromPrismaError(e: unknown): AppError | null {
  const err = e as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = err?.code;
  if (code === "P2002") return new AppError("CONFLICT", "A record with this value already exists.");
  if (code === "P2025") return new AppError("NOT_FOUND");
  // Text fields are checked before any write (lib/validation.ts); this also covers an id or a
  // filter read from a URL, which no record can match.
  if (code === PG_UNSTORABLE_CHARACTER || err?.cause?.code === PG_UNSTORABLE_CHARACTER)
    return new AppError("INVALID_INPUT", "The request holds a character that cannot be stored (a NUL character). Remove it.", { _: ["invalid_text"] });
  return null;
}
