import { z, type ZodError, type ZodType } from "zod";
import { AppError, type FieldErrors } from "./errors";

export function zodFieldErrors(e: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of e.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses or throws AppError('INVALID_INPUT') with field errors. */
export function parseInput<T extends ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw new AppError("INVALID_INPUT", "The request has invalid fields.", zodFieldErrors(r.error));
  return r.data;
}

/** Trimmed text that must not be empty, with a length limit. */
export const zText = (max: number) =>
  z
    .string({ error: "required" })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, { error: "required" }).max(max, { error: `too_long:${max}` }));
