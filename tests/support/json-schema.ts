// A small JSON Schema check, enough for the OpenAPI document's own schemas (what zod's
// toJSONSchema writes): $ref into components, type (one or several), const, enum, anyOf/oneOf,
// properties, required, additionalProperties and items. Formats and string lengths are not
// checked: the question is whether the document names every field a response has, and its kind.

type Schema = Record<string, unknown>;

/** Every place `value` does not fit `schema`, as "path: reason" lines; empty when it fits. */
export function schemaMismatches(doc: { components: { schemas: Record<string, Schema> } }, schema: Schema, value: unknown, path = "$"): string[] {
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = doc.components.schemas[name];
    if (!target) return [`${path}: unknown schema ${schema.$ref}`];
    return schemaMismatches(doc, target, value, path);
  }
  const out: string[] = [];
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (options && !options.some((o) => schemaMismatches(doc, o, value, path).length === 0)) out.push(`${path}: fits none of ${key}`);
  }
  if ("const" in schema && schema.const !== value) out.push(`${path}: not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) out.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => isType(t, value))) return [...out, `${path}: ${JSON.stringify(value)?.slice(0, 40)} is not ${types.join("|")}`];
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in value)) out.push(`${path}.${r}: required, missing`);
    for (const [k, v] of Object.entries(value)) {
      if (props[k]) out.push(...schemaMismatches(doc, props[k], v, `${path}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${path}.${k}: not in the document`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === "object") out.push(...schemaMismatches(doc, schema.additionalProperties as Schema, v, `${path}.${k}`));
    }
  }
  if (Array.isArray(value) && schema.items && typeof schema.items === "object") value.forEach((v, i) => out.push(...schemaMismatches(doc, schema.items as Schema, v, `${path}[${i}]`)));
  return out;
}

function isType(t: string, v: unknown): boolean {
  switch (t) {
    case "null":
      return v === null;
    case "array":
      return Array.isArray(v);
    case "object":
      return !!v && typeof v === "object" && !Array.isArray(v);
    case "integer":
      return Number.isInteger(v);
    case "number":
      return typeof v === "number";
    default:
      return typeof v === t;
  }
}
