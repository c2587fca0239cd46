import { z } from "zod";
import { MAX_STATEMENT_TEXT } from "@/lib/statements/schemas";
import { zInteger, zQuery, zString } from "@/lib/validation";

// A link (allegation): an exact passage of one statement revision that says something about
// a person. Shared by the API, the server actions, the OpenAPI document and the tests.

export const LINK_ROLES = ["ORDERED", "TOOK_PART", "PRESENT", "INTERROGATED", "SAT_ON_COMMISSION", "NAMED_BY_OTHERS", "OTHER"] as const;
export const ALLEGATION_TYPES = ["KILLING", "TORTURE", "IMPRISONMENT", "ENFORCED_DISAPPEARANCE", "PERSECUTION", "OTHER"] as const;
export const ANCHOR_STATES = ["ANCHORED", "NEEDS_REVIEW"] as const;
export type LinkRole = (typeof LINK_ROLES)[number];
export type AllegationType = (typeof ALLEGATION_TYPES)[number];

/** A quote is a pinpoint citation, not a document: long passages belong to several links. */
export const MAX_QUOTE = 5_000;

/** GET /statements/{id}/links: every link of the statement, no filter; a parameter given is refused, not ignored. */
export const ZStatementLinksQuery = zQuery({});

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
/** "" and null clear an optional reference on update; undefined leaves it as it is. */
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

const zId = zString().trim().min(1, { error: "required" }).max(64, { error: "too_long:64" });
const zOptionalId = z.preprocess(blankToUndefined, zId.optional());
const zClearableId = z.preprocess(blankToNull, zId.nullable().optional());
// Bounded so that no number a client sends reaches the database's 32-bit columns.
const zOffset = zInteger((n) => n.min(0, { error: "offset_out_of_range" }).max(MAX_STATEMENT_TEXT, { error: "offset_out_of_range" }));
// The quote is compared character for character with the revision: never trimmed or normalised.
const zQuote = zString().min(1, { error: "required" }).max(MAX_QUOTE, { error: `too_long:${MAX_QUOTE}` });
const zNote = z.string().trim().max(2000, { error: "too_long:2000" });

const passage = {
  revisionNumber: zInteger((n) => n.min(1, { error: "invalid_number" }).max(1_000_000, { error: "too_large:1000000" })),
  startOffset: zOffset,
  endOffset: zOffset,
  quote: zQuote,
};

const endAfterStart = (v: { startOffset?: number; endOffset?: number }) => v.startOffset === undefined || v.endOffset === undefined || v.endOffset > v.startOffset;

export const ZCreateLink = z
  .object({
    statementId: zId,
    ...passage,
    personId: zId,
    role: z.enum(LINK_ROLES, { error: "invalid_choice" }),
    allegationType: z.enum(ALLEGATION_TYPES, { error: "invalid_choice" }),
    eventId: zOptionalId,
    placeId: zOptionalId,
    proceedingId: zOptionalId,
    note: zNote.default(""),
  })
  .refine(endAfterStart, { error: "offset_order", path: ["endOffset"] });
export type CreateLink = z.infer<typeof ZCreateLink>;

/**
 * Any of the link's facts; the passage (all four fields together) only on the statement's
 * current revision, which is how a NEEDS_REVIEW link is fixed.
 */
export const ZUpdateLink = z
  .object({
    role: z.enum(LINK_ROLES, { error: "invalid_choice" }).optional(),
    allegationType: z.enum(ALLEGATION_TYPES, { error: "invalid_choice" }).optional(),
    personId: zOptionalId,
    eventId: zClearableId,
    placeId: zClearableId,
    proceedingId: zClearableId,
    note: zNote.optional(),
    revisionNumber: passage.revisionNumber.optional(),
    startOffset: zOffset.optional(),
    endOffset: zOffset.optional(),
    quote: zQuote.optional(),
  })
  .refine(endAfterStart, { error: "offset_order", path: ["endOffset"] })
  .superRefine((v, ctx) => {
    const given = (["revisionNumber", "startOffset", "endOffset", "quote"] as const).filter((k) => v[k] !== undefined);
    if (given.length > 0 && given.length < 4) {
      for (const k of ["revisionNumber", "startOffset", "endOffset", "quote"] as const) {
        if (v[k] === undefined) ctx.addIssue({ code: "custom", message: "passage_incomplete", path: [k] });
      }
    }
    if (Object.values(v).every((x) => x === undefined)) ctx.addIssue({ code: "custom", message: "nothing_to_change", path: ["_"] });
  });
export type UpdateLink = z.infer<typeof ZUpdateLink>;

const ZRef = z.object({ id: z.string(), name: z.string(), nameFa: z.string() });

export const ZLinkOut = z.object({
  id: z.string(),
  statementId: z.string(),
  revisionNumber: z.number().int(),
  startOffset: z.number().int(),
  endOffset: z.number().int(),
  quote: z.string(),
  anchor: z.enum(ANCHOR_STATES),
  role: z.enum(LINK_ROLES),
  allegationType: z.enum(ALLEGATION_TYPES),
  person: ZRef,
  event: z.object({ id: z.string(), title: z.string(), titleFa: z.string() }).nullable(),
  place: ZRef.nullable(),
  proceeding: z.object({ id: z.string(), title: z.string(), titleFa: z.string() }).nullable(),
  note: z.string(),
  createdById: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LinkOut = z.infer<typeof ZLinkOut>;

/** The columns every read of a link carries, as the database returns them (the passage and its classification). */
export type LinkPassageRow = {
  id: string;
  statementId: string;
  revisionNumber: number;
  startOffset: number;
  endOffset: number;
  quote: string;
  anchor: string;
  role: string;
  allegationType: string;
};

export const SUGGESTION_KINDS = ["person", "organisation", "place"] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export const ZSuggestionOut = z.object({
  kind: z.enum(SUGGESTION_KINDS),
  id: z.string(),
  name: z.string(),
  nameFa: z.string(),
  startOffset: z.number().int(),
  endOffset: z.number().int(),
  quote: z.string(),
  score: z.number(),
});
