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
