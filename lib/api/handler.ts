import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actorFromRequest } from "@/lib/auth/session";
import { MAX_BODY_BYTES } from "@/lib/body-limit";
import { AppError } from "@/lib/errors";
import { errorResponse, toAppError } from "@/lib/http";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import { localizeFieldErrors } from "@/lib/i18n/field-errors";
import { originAllowed } from "@/lib/same-origin";

// The JSON API's one request path: authenticate (Bearer token or session cookie), parse,
// call lib (which authorizes), respond. Errors become { error: { code, message, fields? } }.

/** The largest JSON body (lib/body-limit.ts: what the largest valid record needs). */
export const MAX_JSON_BYTES = MAX_BODY_BYTES;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type Ctx<P> = { req: Request; actor: Actor | null; params: P };
type Options = { public?: boolean };

export function apiRoute<P = Record<string, never>>(
  fn: (ctx: Ctx<P>) => Promise<Response | unknown>,
  options: Options = {},
) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      // A write signed in by the session cookie must come from this site's own pages: a page of
      // another site (another port of this host too) can make the browser post a form or a
      // no-cors fetch here with the cookie, but not with its own Origin left out. A Bearer token
      // is not sent by the browser on its own, so a request that carries one is not asked.
      if (!SAFE_METHODS.has(req.method) && !req.headers.has("authorization") && !originAllowed(req))
        throw new AppError("FORBIDDEN", "This request was sent from another site's page, signed in with this site's cookie; it is refused. Send it from Casefile's own pages, or with an 'Authorization: Bearer' token.");
      const actor = await actorFromRequest(req);
      if (!actor && !options.public) throw new AppError("UNAUTHENTICATED", "Sign in or send a valid 'Authorization: Bearer' token.");
      const params = (await context?.params) ?? ({} as P);
      const result = await fn({ req, actor, params });
      return result instanceof Response ? result : Response.json(result);
    } catch (e) {
      const app = toAppError(e);
      if (app?.fields) {
        const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
        return errorResponse(new AppError(app.code, app.message, localizeFieldErrors(app.fields, locale), app.details));
      }
      return errorResponse(app ?? e);
    }
  };
}

/**
 * The answer to a method a route does not serve (each route exports it under the other method
 * names): 405 with the JSON error body every other refusal has and an `Allow` header naming what
 * the address does serve. Left to Next, such a request got an empty 405 without `Allow`.
 */
export function methodNotAllowed(served: readonly ("GET" | "POST" | "PUT" | "PATCH" | "DELETE")[]) {
  const allow = [...served, ...(served.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  return async (req: Request): Promise<Response> =>
    Response.json(
      { error: { code: "METHOD_NOT_ALLOWED", message: `This address does not take ${req.method.slice(0, 20)} requests; it takes ${served.join(", ")}.` } },
      { status: 405, headers: { Allow: allow } },
    );
}

/** Reads a JSON body with a size limit; malformed JSON is the client's error, not ours. */
export async function readJson(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BYTES) throw new AppError("TOO_LARGE", `The body must be at most ${MAX_JSON_BYTES} bytes.`);
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) throw new AppError("INVALID_INPUT", "Send the body as application/json.");
  const reader = req.body?.getReader();
  if (!reader) throw new AppError("INVALID_INPUT", "The request has no body.");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_JSON_BYTES) {
      await reader.cancel();
      throw new AppError("TOO_LARGE", `The body must be at most ${MAX_JSON_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The body is not valid JSON.");
  }
}

/**
 * An address's parameters, each given once. A repeated one (?page=1&page=2, ?q=a&q=b) is refused,
 * naming it, rather than one of its values picked silently: no list of the API takes a parameter
 * twice.
 */
export function searchParams(req: Request): Record<string, string> {
  const params = new URL(req.url).searchParams;
  const repeated = [...new Set(params.keys())].filter((k) => params.getAll(k).length > 1);
  if (repeated.length) throw new AppError("INVALID_INPUT", `Give each parameter once: ${repeated.join(", ")} is repeated.`, Object.fromEntries(repeated.map((k) => [k, ["parameter_repeated"]])));
  return Object.fromEntries(params.entries());
}
