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
  groups: z
    .array(
      z.object({
        event: ZEventRef.nullable(),
        allegationType: z.enum(ALLEGATION_TYPES),
        ...ZCounts,
        quotes: z.array(ZQuoteOut).describe("The group's first 20 quotes, in the order their links were made (/persons/{id}/allegations/quotes gives the others)"),
        quoteCount: z.number().int().describe("Quotes in the group in all"),
      }),
    )
    .describe("The groups of one page of events (by date, undated after, then the links naming no event), every group of each"),
  pages: z
    .object({
      page: z.number().int(),
      pages: z.number().int(),
      perPage: z.number().int().describe("Events a page"),
      events: z.number().int().describe("Events in all (the links naming no event count as one)"),
      groups: z.number().int().describe("Groups (event and allegation type) in all"),
    })
    .describe("Which page of the person's events this is, of how many; totals are over all of them"),
});

export const ZAllegationQuotesOut = z.object({
  quotes: z.array(ZQuoteOut).describe("One page of the group's quotes, in the order their links were made"),
  pages: z
    .object({ page: z.number().int(), pages: z.number().int(), perPage: z.number().int().describe("Quotes a page"), quotes: z.number().int().describe("Quotes in the group in all") })
    .describe("Which page of the group's quotes this is, of how many"),
});

export const ZProceedingEvidenceOut = z.object({
  proceeding: z.object({ id: z.string(), title: z.string(), titleFa: z.string().describe("The Persian title; empty when none was recorded") }),
  defendants: z.array(
    z.object({ person: ZPersonRef, totals: z.object(ZCounts), allegations: z.array(z.object({ allegationType: z.enum(ALLEGATION_TYPES), ...ZCounts })) }),
  ),
  evidence: z.array(
    z.object({
      statement: z.object({ id: z.string(), title: z.string(), language: z.string(), status: z.string(), fictional: z.boolean(), witnessCode: z.string() }),
      taggedForProceeding: z.boolean(),
      quotes: z.array(ZQuoteOut.extend({ person: ZPersonRef })),
    }),
  ).describe("One page of the statements in evidence, in the order their first link was made"),
  pages: z
    .object({ page: z.number().int(), pages: z.number().int(), perPage: z.number().int(), statements: z.number().int().describe("Statements in evidence in all") })
    .describe("Which page of the statements in evidence this is, of how many"),
});

export const ZMatrixOut = z.object({
  allegationType: z.enum(ALLEGATION_TYPES).nullable(),
  persons: z.array(ZPersonRef.extend({ totals: z.object(ZCounts).describe("Independent witnesses over all of the person's links under the filters, in events shown or not") })),
  events: z.array(ZEventRef),
  hasNoEvent: z.boolean().describe("Whether some links name no event (the cells with eventId null)"),
  person: z.string().nullable().describe("The person filter given (a name in any spelling)"),
  event: z.string().nullable().describe("The event filter given (text in an event's title)"),
  cells: z.array(z.object({ personId: z.string(), eventId: z.string().nullable(), ...ZCounts })),
  totals: z.object({ persons: z.number().int(), events: z.number().int() }).describe("How many persons and events have links under the filters, shown or not"),
  limits: z.object({ persons: z.number().int(), events: z.number().int() }).describe("At most this many persons (most corroborated first) and events (most corroborated among those persons) are returned"),
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
          titleFa: z.string().describe("The title in Persian; empty if not given"),
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
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable().describe("The period asked for, as ISO days: the first day `from` allows and the last day `to` allows; or null for all"),
  totals: z.object({ events: z.number().int(), persons: z.number().int() }).describe("Dated events and persons with dated positions in the period, shown or not"),
  limits: z.object({ events: z.number().int(), persons: z.number().int() }).describe("At most this many events (most evidenced first) and persons (most corroborated first) are returned"),
  calendar: z.enum(["persian", "gregorian"]),
  person: z.string().nullable().describe("The person filter given (a name in any spelling): events, positions and years are those of the persons it finds"),
  allegationType: z.enum(ALLEGATION_TYPES).nullable().describe("The allegation type filter given: events and years are those of the reader's links of that type, persons those they name"),
  place: ZPersonRef.nullable().describe("The place filter given (its id, name and Persian name): events at that place, persons the reader's links there name"),
  proceeding: z.object({ id: z.string(), title: z.string(), titleFa: z.string() }).nullable().describe("The proceeding filter given: events of the reader's links citing it, persons they name"),
  years: z.array(z.object({ year: z.number().int(), events: z.number().int() })).describe("Every dated event, counted by the year of `calendar` it may begin in"),
});
