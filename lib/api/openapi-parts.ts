import { z } from "zod";

// Small builders shared by the parts of the OpenAPI document (lib/api/openapi.ts).
export const json = (schema: z.ZodType, io: "input" | "output" = "input") =>
  z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      // Dates arrive as JSON strings and are coerced: say so instead of "any".
      if (ctx.zodSchema._zod.def.type === "date") Object.assign(ctx.jsonSchema, { type: "string", format: "date", examples: ["2024-01-10"] });
    },
  });
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: String(c), content: { "application/json": { schema: ref("Error") } } }]));
export const ok = (schema: object, description = "OK") => ({ description, content: { "application/json": { schema } } });
export const body = (name: string, required = true) => ({ required, content: { "application/json": { schema: ref(name) } } });
export const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
export const queryParams = (schema: z.ZodType) =>
  Object.entries((json(schema) as { properties?: Record<string, object> }).properties ?? {}).map(([name, s]) => ({ name, in: "query", required: false, schema: s }));

/** ?page=, ?pageSize= and ?perPage= of a list answered a page at a time, always (GET /witnesses). */
export const pageParams = [
  { name: "page", in: "query", required: false, description: "Which page, 1 the first; one past the last gives the last", schema: { type: "integer", minimum: 1, maximum: 1_000_000 } },
  { name: "pageSize", in: "query", required: false, description: "Rows a page (50 by default)", schema: { type: "integer", minimum: 1, maximum: 200 } },
  { name: "perPage", in: "query", required: false, description: "The same as pageSize", schema: { type: "integer", minimum: 1, maximum: 200 } },
];

/** ?page=, ?pageSize= and ?perPage= of a list that answers every row unless asked for a page (GET /events). */
export const pagingParams = [
  {
    ...pageParams[0],
    description: "Which page, 1 the first; one past the last gives the last. Given (or pageSize, perPage), the answer is one page, with total, page, pageSize and pages",
  },
  { ...pageParams[1], description: "Rows a page (50 when a page is asked for without it)" },
  pageParams[2],
];

/**
 * The answer of such a list: `items`, and where the page is (as GET /statements answers, with
 * `pages`): always for a list answered a page at a time, else only when a page was asked for.
 */
export const pagedItems = (item: object, { always = false } = {}) => ({
  type: "object",
  properties: {
    items: { type: "array", items: item },
    total: { type: "integer", description: always ? "Rows in all" : "Rows in all (only when a page was asked for)" },
    page: { type: "integer", description: "The page given: the one asked for, or the last when it was past the last" },
    pageSize: { type: "integer" },
    pages: { type: "integer", description: "Pages in all, at least 1" },
  },
  required: always ? ["items", "total", "page", "pageSize", "pages"] : ["items"],
});
