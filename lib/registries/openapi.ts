import { body, errors, json, ok, pagedItems, pagingParams, ref } from "@/lib/api/openapi-parts";
import { ZCreateEvent, ZEventHitOut, ZEventOut, ZUpdateEvent } from "@/lib/events/schemas";
import { ZCreateOrganisation, ZOrganisationHitOut, ZOrganisationOut, ZUpdateOrganisation } from "@/lib/organisations/schemas";
import { ZCreatePerson, ZDuplicateCandidate, ZPersonHitOut, ZPersonOut, ZUpdatePerson } from "@/lib/persons/schemas";
import { ZCreatePlace, ZPlaceHitOut, ZPlaceOut, ZUpdatePlace } from "@/lib/places/schemas";
import { ZCreateProceeding, ZProceedingHitOut, ZProceedingOut, ZUpdateProceeding } from "@/lib/proceedings/schemas";

// The registries part of the OpenAPI document (lib/api/openapi.ts), from the same zod schemas
// the operations validate with.
const idParam = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
const items = (name: string) => ({ type: "object", properties: { items: { type: "array", items: ref(name) } }, required: ["items"] });
const searchParams = [
  { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 200 }, description: "Any spelling of a name, Latin or Persian script. Without it: every record, score 1, by name." },
  { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 5000 } },
];

const titleSearchParams = [
  { ...searchParams[0], description: "Any spelling of a title, Latin or Persian script: the matching records, best first, each with its score (0-1). Without q or limit: every record, without scores." },
  searchParams[1],
];

const duplicate409 = {
  "409": {
    description:
      "The name, Persian name or an alias matches a person already in the registry (fields.name: possible_duplicate). error.details.candidates lists them, best first; send the request again with confirmDuplicate: true to save anyway.",
    content: {
      "application/json": {
        schema: {
          type: "object",
          properties: {
            error: {
              type: "object",
              properties: {
                code: { const: "CONFLICT" },
                message: { type: "string" },
                fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
                details: { type: "object", properties: { candidates: { type: "array", items: ref("DuplicateCandidate") } } },
              },
            },
          },
        },
      },
    },
  },
};

export function registrySchemas() {
  return {
    Person: json(ZPersonOut, "output"),
    PersonHit: json(ZPersonHitOut, "output"),
    CreatePerson: json(ZCreatePerson),
    UpdatePerson: json(ZUpdatePerson),
    DuplicateCandidate: json(ZDuplicateCandidate, "output"),
    Organisation: json(ZOrganisationOut, "output"),
    OrganisationHit: json(ZOrganisationHitOut, "output"),
    CreateOrganisation: json(ZCreateOrganisation),
    UpdateOrganisation: json(ZUpdateOrganisation),
    Place: json(ZPlaceOut, "output"),
    PlaceHit: json(ZPlaceHitOut, "output"),
    CreatePlace: json(ZCreatePlace),
    UpdatePlace: json(ZUpdatePlace),
    Event: json(ZEventOut, "output"),
    EventHit: json(ZEventHitOut, "output"),
    CreateEvent: json(ZCreateEvent),
    UpdateEvent: json(ZUpdateEvent),
    Proceeding: json(ZProceedingOut, "output"),
    ProceedingHit: json(ZProceedingHitOut, "output"),
    CreateProceeding: json(ZCreateProceeding),
    UpdateProceeding: json(ZUpdateProceeding),
  };
}

/** List (with name search where the registry has names), create, detail and PATCH for one registry. */
function registry(o: { path: string; one: string; many: string; hit?: string; search?: boolean; titleSearch?: boolean; paged?: boolean; createExtra?: object; updateExtra?: object; extraDescription?: string; detailParams?: object[] }) {
  const { path, one, many } = o;
  return {
    [path]: {
      get: {
        summary: o.search ? `Search ${many} by name (any spelling, either script), best first` : `List ${many}`,
        ...(o.search || o.titleSearch ? { parameters: [...(o.search ? searchParams : titleSearchParams), ...(o.paged ? pagingParams : [])] } : {}),
        responses: { "200": ok(o.paged ? pagedItems(ref(o.hit ?? one)) : items(o.hit ?? one)), ...errors(400, 401, 403) },
      },
      post: {
        summary: `Add ${one === "Event" ? "an event" : `a ${one.toLowerCase()}`}`,
        ...(o.extraDescription ? { description: o.extraDescription } : {}),
        requestBody: body(`Create${one}`),
        responses: { "201": ok(ref(one), "Created"), ...errors(400, 401, 403, 409, 413), ...(o.createExtra ?? {}) },
      },
    },
    [`${path}/{id}`]: {
      parameters: idParam,
      get: {
        summary: `One ${one.toLowerCase()}`,
        ...(o.detailParams ? { parameters: o.detailParams } : {}),
        responses: { "200": ok(ref(one)), ...errors(...(o.detailParams ? [400] : []), 401, 403, 404) },
      },
      patch: {
        summary: `Change a ${one.toLowerCase()}: fields left out keep their values; lists given replace the stored ones`,
        description: "baseUpdatedAt (the record's updatedAt as last read) makes a save based on an older copy fail with 409 instead of overwriting.",
        requestBody: body(`Update${one}`),
        responses: { "200": ok(ref(one)), ...errors(400, 401, 403, 404, 409, 413), ...(o.updateExtra ?? {}) },
      },
    },
  };
}

/** A place's events come a page at a time (a prison can be the place of thousands). */
const placeEventsPage = {
  name: "page",
  in: "query",
  required: false,
  description: "Which page of the place's events to include (PLACE_EVENTS_PER_PAGE = 20 a page; the first by default; one past the last gives the last)",
  schema: { type: "integer", minimum: 1, default: 1 },
};

export function registryPaths() {
  return {
    ...registry({
      path: "/persons",
      one: "Person",
      many: "persons",
      hit: "PersonHit",
      search: true,
      paged: true,
      createExtra: duplicate409,
      updateExtra: duplicate409,
      extraDescription: "Positions' from/to are fuzzy dates (1988, Mordad 1367, summer 1988) parsed into the span they allow; a position that ends before it starts is a field error.",
    }),
    ...registry({ path: "/organisations", one: "Organisation", many: "organisations", hit: "OrganisationHit", search: true, paged: true }),
    ...registry({ path: "/places", one: "Place", many: "places", hit: "PlaceHit", search: true, paged: true, detailParams: [placeEventsPage] }),
    ...registry({
      path: "/events",
      one: "Event",
      many: "events (in date order)",
      hit: "EventHit",
      titleSearch: true,
      paged: true,
      extraDescription: "dateStart (and dateEnd for a range) are fuzzy dates; an end before the start, or an unknown place id, is a field error and nothing is stored.",
    }),
    ...registry({
      path: "/proceedings",
      one: "Proceeding",
      many: "proceedings",
      hit: "ProceedingHit",
      titleSearch: true,
      paged: true,
      extraDescription: "defendantIds must be persons in the registry (field error defendantIds: not_found otherwise); timeline entries carry fuzzy dates.",
    }),
  };
}
