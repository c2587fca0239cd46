import { z } from "zod";
import { zText } from "@/lib/validation";

export const LANGUAGES = ["fa", "en"] as const;
export const STATEMENT_STATUSES = ["DRAFT", "SUBMITTED", "IN_REVIEW", "VERIFIED", "CHANGES_REQUESTED", "DISPUTED", "REJECTED"] as const;

// Testimony is long: tens of thousands of characters are normal.
export const MAX_STATEMENT_TEXT = 200_000;

const statementFields = {
  title: zText(300),
  language: z.enum(LANGUAGES, { error: "invalid_choice" }),
  originalText: zText(MAX_STATEMENT_TEXT),
  summary: z.string().trim().max(10_000, { error: "too_long:10000" }).default(""),
  interviewDate: z
    .string()
    .trim()
    .max(100, { error: "too_long:100" })
    .optional()
    .transform((s) => (s ? s : undefined)),
};

export const ZCreateStatement = z.object({ witnessId: z.string({ error: "required" }).min(1, { error: "required" }).max(64), ...statementFields });
export type CreateStatement = z.infer<typeof ZCreateStatement>;

export const ZUpdateStatement = z.object({
  ...statementFields,
  reason: zText(1000),
  // The revision the editor started from: a stale edit is refused rather than silently overwriting.
  baseRevision: z.coerce.number({ error: "required" }).int().min(1),
});
export type UpdateStatement = z.infer<typeof ZUpdateStatement>;

export const ZListStatements = z.object({
  status: z.enum(STATEMENT_STATUSES, { error: "invalid_choice" }).optional(),
  language: z.enum(LANGUAGES, { error: "invalid_choice" }).optional(),
  page: z.coerce.number({ error: "invalid_number" }).int().min(1, { error: "invalid_number" }).max(100000).default(1),
  pageSize: z.coerce.number({ error: "invalid_number" }).int().min(1).max(200, { error: "too_large:200" }).default(50),
});

export const ZStatementOut = z.object({
  id: z.string(),
  witnessId: z.string(),
  witnessCode: z.string(),
  title: z.string(),
  language: z.enum(LANGUAGES),
  status: z.enum(STATEMENT_STATUSES),
  originalText: z.string(),
  summary: z.string(),
  interviewDate: z.string().nullable(),
  revisionNumber: z.number().int(),
  fictional: z.boolean(),
  authorId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
