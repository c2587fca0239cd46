import { z } from "zod";
import { zBaseUpdatedAt, zIdList, zOptText, zRequiredFuzzyDate, ZTitleMatch } from "@/lib/registries/schemas";
import { missingOr, zText } from "@/lib/validation";

// Proceedings: trials, tribunals, UN mechanisms and truth commissions that deal with the
// crimes, with their defendants (persons) and a dated status timeline. The Swedish
// prosecution of Hamid Nouri is the model.

export const PROCEEDING_KINDS = ["CRIMINAL_TRIAL", "TRIBUNAL", "UN_MECHANISM", "TRUTH_COMMISSION", "OTHER"] as const;
export type ProceedingKind = (typeof PROCEEDING_KINDS)[number];

/** One step in a proceeding's history: when (a fuzzy date), what happened, on whose word. */
export const ZStatusEntry = z.object(
  {
    date: zRequiredFuzzyDate,
    what: zText(1000),
    whatFa: zOptText(1000).default(""),
    source: zOptText(1000).default(""),
  },
  { error: missingOr("invalid_value") },
);

const MAX_TIMELINE = 200;
const timeline = z.array(ZStatusEntry, { error: "invalid_choice" }).max(MAX_TIMELINE, { error: `too_many:${MAX_TIMELINE}` });

const fields = {
  title: zText(300),
  titleFa: zOptText(300),
  kind: z.enum(PROCEEDING_KINDS, { error: "invalid_choice" }),
  jurisdiction: zOptText(200),
  jurisdictionFa: zOptText(200),
  court: zOptText(300),
  courtFa: zOptText(300),
  docket: zOptText(200),
  charges: zOptText(20_000),
  chargesFa: zOptText(20_000),
  status: zOptText(300),
  statusFa: zOptText(300),
  source: zOptText(1000),
  defendantIds: zIdList(100),
};

export const ZCreateProceeding = z.object({
  ...fields,
  titleFa: fields.titleFa.default(""),
  jurisdiction: fields.jurisdiction.default(""),
  jurisdictionFa: fields.jurisdictionFa.default(""),
  court: fields.court.default(""),
  courtFa: fields.courtFa.default(""),
  docket: fields.docket.default(""),
  charges: fields.charges.default(""),
  chargesFa: fields.chargesFa.default(""),
  status: fields.status.default(""),
  statusFa: fields.statusFa.default(""),
  source: fields.source.default(""),
  defendantIds: fields.defendantIds.default([]),
  timeline: timeline.default([]),
});
export type CreateProceeding = z.infer<typeof ZCreateProceeding>;

/** PATCH: a field left out keeps its value; defendantIds and timeline, when given, replace the lists. */
export const ZUpdateProceeding = z
  .object({
    title: fields.title.optional(),
    titleFa: fields.titleFa.optional(),
    kind: fields.kind.optional(),
    jurisdiction: fields.jurisdiction.optional(),
    jurisdictionFa: fields.jurisdictionFa.optional(),
    court: fields.court.optional(),
    courtFa: fields.courtFa.optional(),
    docket: fields.docket.optional(),
    charges: fields.charges.optional(),
    chargesFa: fields.chargesFa.optional(),
    status: fields.status.optional(),
    statusFa: fields.statusFa.optional(),
    source: fields.source.optional(),
    defendantIds: fields.defendantIds.optional(),
    timeline: timeline.optional(),
    baseUpdatedAt: zBaseUpdatedAt,
  })
  .refine((v) => Object.entries(v).some(([k, x]) => x !== undefined && k !== "baseUpdatedAt"), { error: "nothing_to_change" });

export const ZStatusEntryOut = z.object({
  id: z.string(),
  date: z.string().describe("As given"),
  earliest: z.string().nullable(),
  latest: z.string().nullable(),
  what: z.string(),
  whatFa: z.string().describe("What happened, in Persian; empty if not given"),
  source: z.string(),
});

export const ZProceedingOut = z.object({
  id: z.string(),
  title: z.string(),
  titleFa: z.string().describe("The title in Persian; empty if not given"),
  kind: z.string().describe(`One of ${PROCEEDING_KINDS.join(", ")}`),
  jurisdiction: z.string(),
  jurisdictionFa: z.string().describe("The jurisdiction in Persian; empty if not given"),
  court: z.string(),
  courtFa: z.string().describe("The court in Persian; empty if not given"),
  docket: z.string(),
  charges: z.string(),
  chargesFa: z.string().describe("The charges in Persian; empty if not given"),
  status: z.string().describe("The latest status, e.g. convicted, appeal pending"),
  statusFa: z.string().describe("The latest status in Persian; empty if not given"),
  source: z.string(),
  defendants: z.array(z.object({ id: z.string(), name: z.string(), nameFa: z.string() })),
  timeline: z.array(ZStatusEntryOut).describe("In date order"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProceedingOut = z.infer<typeof ZProceedingOut>;

/** An item of GET /proceedings: the proceeding, with score and matched when found by title (q or limit). */
export const ZProceedingHitOut = ZProceedingOut.extend(ZTitleMatch.shape);
