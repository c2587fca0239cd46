import { z, type ZodError, type ZodType } from "zod";
import { AppError, type FieldErrors } from "./errors";

/**
 * An empty field-error map without a prototype. Its keys come from what a client sent (a JSON
 * key, a record's key), and on a plain object "constructor" or "__proto__" would already be there
 * (Object.prototype's), so `out[key] ??= []` would keep that and fail; here every key is the
 * client's own.
 */
export function emptyFieldErrors(): FieldErrors {
  return Object.create(null) as FieldErrors;
}

// A field error is a key of the messages' fieldErrors ("required", "too_long:300"), which forms
// and the API turn into a sentence in the reader's language. A check whose schema names no key
// would carry zod's own English sentence ("Too big: expected string to have <=40 characters")
// to every reader, a Persian one too: such an issue gets the key its kind of problem has.
// (Told apart by form, not by the messages: zod's sentences start with a capital letter, and
// this module is loaded where JSON cannot be imported, by the end-to-end tests among others.)
const KEY = /^[a-z][a-z0-9_]*(:.*)?$/s;

/** Whether a message is a field-error key (with its argument, if any), not a sentence. */
export function isFieldErrorKey(message: string): boolean {
  return KEY.test(message);
}

type Issue = { code?: string; input?: unknown; [k: string]: unknown };

const bound = (v: unknown, inclusive: unknown, step: 1 | -1): string => {
  const n = typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : NaN;
  if (!Number.isFinite(n)) return String(v);
  return String(inclusive === false && Number.isInteger(n) ? n + step : n);
};

/**
 * The field-error key for a zod issue its schema gave no key of its own. `withInput`: the issue
 * carries what was sent (the error map sees it; a finished ZodError does not), so a missing
 * value can be told from one of the wrong type.
 */
export function issueKey(issue: Issue, withInput = false): string {
  switch (issue.code) {
    case "invalid_type":
      if (withInput && issue.input === undefined) return "required";
      // A value sent for a text field that is no text (123, true, ["a"]): what the field takes.
      if (withInput && issue.expected === "string") return "text_expected";
      if (["number", "int", "bigint", "nan"].includes(String(issue.expected))) return "invalid_number";
      if (issue.expected === "date") return "invalid_date";
      return "invalid_value";
    case "too_big": {
      const n = bound(issue.maximum, issue.inclusive, -1);
      if (issue.origin === "string") return `too_long:${n}`;
      if (issue.origin === "array" || issue.origin === "set") return `too_many:${n}`;
      if (issue.origin === "number" || issue.origin === "bigint") return `too_large:${n}`;
      if (issue.origin === "date") return "invalid_date";
      return "invalid_value";
    }
    case "too_small": {
      const n = bound(issue.minimum, issue.inclusive, 1);
      if (issue.origin === "string") return Number(n) <= 1 ? "required" : `too_short:${n}`;
      if (issue.origin === "array" || issue.origin === "set") return Number(n) <= 1 ? "required" : `too_few:${n}`;
      if (issue.origin === "number" || issue.origin === "bigint") return Number(n) === 0 ? "not_negative" : `too_small:${n}`;
      if (issue.origin === "date") return "invalid_date";
      return "invalid_value";
    }
    case "invalid_format":
      if (issue.format === "email") return "invalid_email";
      if (issue.format === "url") return "invalid_url";
      if (["datetime", "date", "time"].includes(String(issue.format))) return "invalid_datetime";
      return "invalid_format";
    case "not_multiple_of":
      return "invalid_number";
    case "invalid_value":
      return "invalid_choice";
    case "unrecognized_keys":
      return "unknown_field";
    default:
      return "invalid_value";
  }
}

/** An error map for safeParse: a key for every issue whose schema named none (see issueKey). */
export const fieldErrorKeys = (issue: Issue): string => issueKey(issue, true);

/** An issue of a finished ZodError as a field-error key: its schema's own, or its kind's. */
export function issueFieldError(issue: ZodError["issues"][number]): string {
  return isFieldErrorKey(issue.message) ? issue.message : issueKey(issue as unknown as Issue);
}

export function zodFieldErrors(e: ZodError): FieldErrors {
  const out = emptyFieldErrors();
  // zod still runs a text's length checks on a value of the wrong type that has a length (a
  // list): [] for an id was told that it takes text and that it is required, ["a"] for a password
  // that it is too short. A value of the wrong type is told only that.
  const wrongType = new Set(e.issues.filter((i) => i.code === "invalid_type").map((i) => i.path.join(".")));
  for (const issue of e.issues) {
    if (issue.code !== "invalid_type" && wrongType.has(issue.path.join("."))) continue;
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issueFieldError(issue));
  }
  return out;
}

// Text no database here can store: half of a UTF-16 surrogate pair without its other half (JSON
// can carry one, "\ud800", and no encoding can store it) and the NUL character (PostgreSQL's text
// refuses it; an import file or a JSON body can carry one). Refused like any other bad field,
// before anything is written, instead of failing inside the database layer.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether the text holds a character no database here can store (see UNSTORABLE). */
export function hasUnstorableText(s: string): boolean {
  return UNSTORABLE.test(s);
}

/** Field errors for every string in `input` (keys and values, any depth) holding such a character. */
export function brokenTextFields(input: unknown, path: string[] = [], out: FieldErrors = emptyFieldErrors(), depth = 0): FieldErrors {
  if (typeof input === "string") {
    if (UNSTORABLE.test(input)) (out[path.length ? path.join(".") : "_"] ??= []).push("invalid_text");
  } else if (input !== null && typeof input === "object" && !ArrayBuffer.isView(input) && depth < 32) {
    // Bytes (a Buffer, a typed array) hold no text to check, and may be large.
    for (const [k, v] of Object.entries(input)) {
      const brokenKey = UNSTORABLE.test(k);
      const at = [...path, brokenKey ? "?" : k];
      if (brokenKey) (out[at.join(".")] ??= []).push("invalid_text");
      brokenTextFields(v, at, out, depth + 1);
    }
  }
  return out;
}

/** Parses or throws AppError('INVALID_INPUT') with field errors. */
export function parseInput<T extends ZodType>(schema: T, input: unknown): z.infer<T> {
  const broken = brokenTextFields(input);
  if (Object.keys(broken).length) throw new AppError("INVALID_INPUT", "The request has invalid fields.", broken);
  const r = schema.safeParse(input, { error: fieldErrorKeys });
  if (!r.success) throw new AppError("INVALID_INPUT", "The request has invalid fields.", zodFieldErrors(r.error));
  return r.data;
}

/**
 * A JSON object of keys to values, as z.record reads it but keeping every key the client sent:
 * z.record builds its result on a plain object, where a key named "__proto__" is silently
 * dropped. Keys chosen by users (a sheet's column headers) can be any text. `error` is the
 * field-error key for a value that is not an object at all.
 */
export function zOwnRecord<K extends ZodType<string>, V extends ZodType>(key: K, value: V, error: string) {
  return z
    .preprocess((v) => (v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Map) ? new Map(Object.entries(v)) : v), z.map(key, value, { error }))
    .transform((m) => Object.fromEntries(m) as Record<z.output<K>, z.output<V>>);
}

/**
 * The error of a field's type check: "required" when the value was left out, else `key`, which
 * says what the field takes. A value of the wrong kind (true, 123, ["a"] for a text) was reported
 * as a missing one, and a client that sent something was told to send something.
 */
export const missingOr = (key: string) => (issue: { input?: unknown }) => (issue.input === undefined ? "required" : key);

/**
 * Text as a request sends it, before it is trimmed or limited: the start of every text and id
 * field. A value that is no text (123, true, ["a"], null) is "text_expected"; "required" is said
 * only of one left out (and, by the field's own min(1), of an empty one).
 */
export const zString = () => z.string({ error: missingOr("text_expected") });

/** Trimmed text that must not be empty, with a length limit. */
export const zText = (max: number) =>
  zString()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, { error: "required" }).max(max, { error: `too_long:${max}` }));

/** The largest page number ZPage takes (a list's page past its last gives its last). */
export const MAX_PAGE = 1_000_000;

/** A number field left blank (a form's empty box, an address's `?page=`) is one not given. */
const blankAsMissing = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

// A whole number written out in decimal digits, as a form field or an address carries one ("3").
// The sign is read so that "-1" is told it is below the field's range, not that it is no number.
const DECIMAL_DIGITS = /^\s*-?[0-9]+\s*$/;

type IntegerChecks = (n: z.ZodNumber) => z.ZodNumber;

/**
 * A whole number, as a JSON body sends it (a number) or a form or an address does (its decimal
 * digits, "3"), and nothing else. z.coerce.number takes whatever Number() does: true as 1, null,
 * "" and [] as 0, [7] as 7, "0x10" as 16 and "1e3" as 1000, so a value nobody meant was stored.
 * `checks` adds the range (`(n) => n.min(0, { error: "not_negative" })`); `key` is the field error
 * of a value that is no whole number (one left out is "required").
 */
export function zInteger(checks: IntegerChecks = (n) => n, key = "invalid_number") {
  return z.preprocess(fromDigits, wholeNumber(checks, key));
}

/** A form's or an address's decimal digits as the number they write; anything else as it came. */
const fromDigits = (v: unknown) => (typeof v === "string" && DECIMAL_DIGITS.test(v) ? Number(v) : v);
const wholeNumber = (checks: IntegerChecks, key: string) => checks(z.number({ error: missingOr(key) }).int({ error: key }));

/**
 * A whole number of a list's address or filter form (?page=, ?pageSize=, ?limit=, a box of
 * days): zInteger, where a blank (`?page=`, an empty box) or null is one not given, which is
 * `fallback` when the field has one. Every such number is read here, so that none takes "0x10"
 * as 16 or "1e3" as 1000 again.
 */
export function zQueryInteger(checks: IntegerChecks, fallback: number): z.ZodType<number, unknown>;
export function zQueryInteger(checks: IntegerChecks): z.ZodType<number | undefined, unknown>;
export function zQueryInteger(checks: IntegerChecks, fallback?: number): z.ZodType<number | undefined, unknown> {
  // One preprocess, with the default on the number itself, so that the OpenAPI document shows it.
  const n = wholeNumber(checks, "invalid_number");
  return z.preprocess((v) => fromDigits(blankAsMissing(v)), fallback === undefined ? n.optional() : n.default(fallback));
}

/** A page number of a bounded list (1 = the first), as a form or an address gives it. */
export const ZPage = zQueryInteger((n) => n.min(1, { error: "invalid_number" }).max(MAX_PAGE, { error: `too_large:${MAX_PAGE}` }), 1);

/**
 * The rows a page of a long list holds, as the API takes it (?pageSize=, like GET /statements;
 * ?perPage= is read the same), 1–200.
 */
export const ZPageSize = zQueryInteger((n) => n.min(1, { error: "invalid_number" }).max(200, { error: "too_large:200" }));

/**
 * A yes-or-no field: a JSON boolean, or what a form sends for one ("on" for a ticked box, or
 * "true" / "false"). Anything else is refused rather than read as no: a checklist sent
 * {"consentOnFile": "yes"} was stored as unticked.
 */
export const zCheckbox = z.preprocess((v) => (v === "on" || v === "true" ? true : v === "false" ? false : v), z.boolean({ error: missingOr("invalid_boolean") }));

/**
 * The parameters of an address (?status=, ?page=): `shape`, where a name it does not take is
 * refused under that name ("unknown_parameter") rather than dropped. A misspelt filter, one the
 * list does not have (?sort=, ?eventId=) or one in a form it does not read (?page[]=1) was
 * ignored, and the whole list came back looking like the answer to what was asked.
 * (Not z.strictObject: that reports every such name together under "_", not under its own.)
 */
export function zQuery<S extends z.ZodRawShape>(shape: S) {
  return z.object(shape).catchall(z.unknown().refine((v) => v === undefined, { error: "unknown_parameter" }));
}

/** A choice of an address (?role=ADMIN): one of `values`; a blank one is one not given. */
export const zQueryChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(blankAsMissing, z.enum(values, { error: "invalid_choice" }).optional());

/** A yes-or-no of an address (?unread=true): as zCheckbox takes it; a blank one is one not given. */
export const zQueryFlag = z.preprocess(blankAsMissing, zCheckbox.optional());
