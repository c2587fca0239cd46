import { z } from "zod";
import { zFlag } from "@/lib/registries/schemas";
import { parseInput, ZPage, zQuery, zQueryInteger, zString, zText } from "@/lib/validation";

export const CUSTODY_KINDS = ["COLLECTED", "RECEIVED", "COPIED", "TRANSFERRED"] as const;
/** VERIFIED entries are written only by verification, never typed in. */
export const CUSTODY_ALL_KINDS = [...CUSTODY_KINDS, "VERIFIED"] as const;
export const VERIFY_RESULTS = ["MATCH", "MISMATCH", "MISSING"] as const;

// Notes the system writes on the entries it makes itself; the interface translates them.
export const NOTE_UPLOADED = "casefile:uploaded";
export const NOTE_UPLOADED_AGAIN = "casefile:uploaded-again";

const zId = zString().trim().max(64, { error: "too_long:64" });

/** The form fields that come with an uploaded file: exactly one of statementId and witnessId. */
export const ZUploadExhibit = z
  .object({
    statementId: zId.optional().transform((s) => (s ? s : undefined)),
    witnessId: zId.optional().transform((s) => (s ? s : undefined)),
    description: z.string().trim().max(2000, { error: "too_long:2000" }).default(""),
  })
  .superRefine((v, ctx) => {
    if (!v.statementId === !v.witnessId) ctx.addIssue({ code: "custom", path: ["statementId"], message: "link_one" });
  });
export type UploadExhibit = z.infer<typeof ZUploadExhibit>;

export const ZListExhibits = zQuery({
  statementId: zId.optional().transform((s) => (s ? s : undefined)),
  witnessId: zId.optional().transform((s) => (s ? s : undefined)),
}).superRefine((v, ctx) => {
    if (!v.statementId === !v.witnessId) ctx.addIssue({ code: "custom", path: ["statementId"], message: "link_one" });
  });

export const ZPageExhibits = zQuery({
  page: ZPage,
  pageSize: zQueryInteger((n) => n.min(1).max(200, { error: "too_large:200" }), 50),
});

/**
 * GET /exhibits/{id}/file: ?inline=1 (or true) to show the file in the page rather than download
 * it. Checked before the file is opened (and its viewing recorded); a value that is neither yes
 * nor no is refused, where "?inline=yes" was read as no.
 */
export const ZExhibitFileQuery = zQuery({ inline: zFlag.default(false).describe("1 or true: shown in the page (Content-Disposition: inline), still sandboxed") });

/** The file address's parameters, checked (ZExhibitFileQuery). */
export function readExhibitFileQuery(query: unknown): z.infer<typeof ZExhibitFileQuery> {
  return parseInput(ZExhibitFileQuery, query ?? {});
}

// A custody time as an ISO date-time, with or without seconds and zone (a datetime-local
// input sends "2024-05-01T14:30"; without a zone it is read as UTC), or a plain date. Hours and
// minutes are bounded here because Date reads "24:00" as the next day's midnight.
const CUSTODY_AT = /^\d{4}-\d{2}-\d{2}(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// The day itself must be one the calendar has: Date rolls an impossible day over into the next
// month ("2024-02-30" is read as 1 March), which would record a time nobody gave. zod's ISO date
// check knows each month's length and the leap years.
const CALENDAR_DAY = z.iso.date();
// A little slack for clocks that run ahead.
const FUTURE_SLACK_MS = 10 * 60 * 1000;

export const zCustodyAt = z
  .string({ error: (issue) => (issue.input === undefined ? "required" : "invalid_datetime") })
  .trim()
  .min(1, { error: "required", abort: true })
  .refine((s) => CUSTODY_AT.test(s), { error: "invalid_datetime", abort: true })
  .refine((s) => CALENDAR_DAY.safeParse(s.slice(0, 10)).success, { error: "date_impossible", abort: true })
  .transform((s, ctx) => {
    const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(s) && s.length > 10;
    const iso = s.length === 10 ? `${s}T00:00:00Z` : hasZone ? s.replace(" ", "T") : `${s.replace(" ", "T")}Z`;
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "invalid_datetime" });
      return z.NEVER;
    }
    if (d.getTime() > Date.now() + FUTURE_SLACK_MS) {
      ctx.addIssue({ code: "custom", message: "date_in_future" });
      return z.NEVER;
    }
    if (d.getUTCFullYear() < 1900) {
      ctx.addIssue({ code: "custom", message: "invalid_datetime" });
      return z.NEVER;
    }
    return d;
  });

export const ZCustodyEntry = z.object({
  kind: z.enum(CUSTODY_KINDS, { error: "invalid_choice" }),
  who: zText(300),
  place: z.string().trim().max(300, { error: "too_long:300" }).default(""),
  at: zCustodyAt,
  note: z.string().trim().max(2000, { error: "too_long:2000" }).default(""),
});
export type CustodyEntryInput = z.infer<typeof ZCustodyEntry>;

export const ZCustodyOut = z.object({
  id: z.string(),
  kind: z.enum(CUSTODY_ALL_KINDS),
  who: z.string(),
  place: z.string(),
  at: z.string(),
  note: z.string(),
  result: z.enum(VERIFY_RESULTS).nullable(),
  actorId: z.string(),
  createdAt: z.string(),
});

export const ZExhibitOut = z.object({
  id: z.string(),
  number: z.string().describe("Stable exhibit number, e.g. EX-0001"),
  sha256: z.string().describe("SHA-256 of the stored original, hex"),
  size: z.number().int(),
  mime: z.string().describe("Detected from the content"),
  originalName: z.string(),
  description: z.string(),
  createdById: z.string(),
  createdAt: z.string(),
  links: z.array(z.object({ statementId: z.string().nullable(), witnessId: z.string().nullable() })),
  fileUrl: z.string(),
});

export const ZExhibitDetailOut = ZExhibitOut.extend({ custody: z.array(ZCustodyOut) });

export const ZUploadOut = z.object({
  exhibit: ZExhibitOut,
  deduplicated: z.boolean().describe("The same content was already an exhibit; that exhibit was linked instead of storing a second copy"),
  linked: z.boolean().describe("A new link to the statement or witness was made (false when it was already linked)"),
});

export const ZVerifyOut = z.object({
  number: z.string(),
  result: z.enum(VERIFY_RESULTS),
  expected: z.string(),
  actual: z.string().nullable(),
  entry: ZCustodyOut,
});
