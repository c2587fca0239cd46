import { z } from "zod";
import { ALLEGATION_TYPES, ANCHOR_STATES, LINK_ROLES } from "@/lib/links/schemas";

// Response shapes of the corroboration endpoints, for the OpenAPI document.

const ZCounts = {
  verifiedWitnesses: z.number().int().describe("Distinct witnesses (sameAs records collapsed) with a VERIFIED statement carrying the claim"),
  unverifiedWitnesses: z.number().int().describe("Further distinct witnesses whose statements carrying the claim are not verified"),
  needsReview: z.number().int().describe("Links flagged NEEDS_REVIEW after an edit: listed, not counted"),
};

export const ZQuoteOut = z.object({
  linkId: z.string(),
  statementId: z.string(),
  statementTitle: z.string(),
  statementStatus: z.string(),
  language: z.string(),
  fictional: z.boolean(),
  revisionNumber: z.number().int(),
  startOffset: z.number().int(),
  endOffset: z.number().int(),
  quote: z.string(),
  witnessCode: z.string().describe("The witness's pseudonym code; identity never appears here"),
  role: z.enum(LINK_ROLES),
  allegationType: z.enum(ALLEGATION_TYPES),
  anchor: z.enum(ANCHOR_STATES),
  verified: z.boolean(),
});

const ZEventRef = z.object({
  id: z.string(),
  title: z.string(),
  titleFa: z.string(),
  dateStart: z.string(),
  dateEnd: z.string().nullable(),
  precision: z.string(),
  earliest: z.string().nullable(),
  latest: z.string().nullable(),
});
const ZPersonRef = z.object({ id: z.string(), name: z.string(), nameFa: z.string() });

export const ZPersonAllegationsOut = z.object({
  person: ZPersonRef,
  totals: z.object(ZCounts),
  groups: z.array(z.object({ event: ZEventRef.nullable(), allegationType: z.enum(ALLEGATION_TYPES), ...ZCounts, quotes: z.array(ZQuoteOut) })),
});

export const ZProceedingEvidenceOut = z.object({
  proceeding: z.object({ id: z.string(), title: z.string() }),
  defendants: z.array(
    z.object({ person: ZPersonRef, totals: z.object(ZCounts), allegations: z.array(z.object({ allegationType: z.enum(ALLEGATION_TYPES), ...ZCounts })) }),
  ),
  evidence: z.array(
    z.object({
      statement: z.object({ id: z.string(), title: z.string(), language: z.string(), status: z.string(), fictional: z.boolean(), witnessCode: z.string() }),
      taggedForProceeding: z.boolean(),
      quotes: z.array(ZQuoteOut.extend({ person: ZPersonRef })),
    }),
  ),
});

export const ZMatrixOut = z.object({
  allegationType: z.enum(ALLEGATION_TYPES).nullable(),
  persons: z.array(ZPersonRef),
  events: z.array(ZEventRef),
  hasNoEvent: z.boolean().describe("Whether some links name no event (the cells with eventId null)"),
  cells: z.array(z.object({ personId: z.string(), eventId: z.string().nullable(), ...ZCounts })),
  maxVerified: z.number().int(),
  maxWitnesses: z.number().int(),
});

export const ZTimelineOut = z.object({
  events: z.array(ZEventRef),
  persons: z.array(
    ZPersonRef.extend({
      linked: z.boolean(),
      positions: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          institution: z.string(),
          fromDate: z.string().nullable(),
          toDate: z.string().nullable(),
          fromEarliest: z.string().nullable(),
          toLatest: z.string().nullable().describe("null: open-ended"),
          precision: z.string().nullable(),
        }),
      ),
    }),
  ),
  range: z.object({ from: z.string(), to: z.string() }).nullable(),
});
