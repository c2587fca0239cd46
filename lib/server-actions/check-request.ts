// Checks a server action request (a form post, with or without JavaScript) before Next decodes
// it. Next answers 500 for every request it cannot decode (malformed JSON or multipart, a
// reference to a part that is not there, bound arguments that are not a list), for a body over
// its size limit and for an Origin that is malformed or names another site: all of them the
// client's doing. proxy.ts runs this first and answers such requests 400, 403 or 413, with a
// message in the user's language; a request that passes is handed to Next unchanged.
import en from "@/messages/en.json";
import fa from "@/messages/fa.json";
import { MAX_BODY_BYTES } from "@/lib/body-limit";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import { originAllowed } from "@/lib/same-origin";

/** The limit on a server action's body: lib/body-limit.ts, which next.config.js gives Next too (serverActions.bodySizeLimit). */
export const MAX_ACTION_BODY_BYTES = MAX_BODY_BYTES;

type Problem = "malformed" | "origin" | "tooLarge" | "unknownAction";
export type ActionRequestRefusal = { status: 400 | 403 | 409 | 413; problem: Problem; message: string };

const STATUS: Record<Problem, 400 | 403 | 409 | 413> = { malformed: 400, origin: 403, tooLarge: 413, unknownAction: 409 };
const MESSAGES: Record<Locale, Record<Problem, string>> = { en: en.actionRequest, fa: fa.actionRequest };

function refuse(problem: Problem, locale: Locale): ActionRequestRefusal {
  return { status: STATUS[problem], problem, message: MESSAGES[locale][problem] };
}

/** Whether a request may be a server action: the fetch header, or a multipart form post to a page. */
export function mayBeServerAction(req: Request): boolean {
  if (req.method !== "POST") return false;
  if (req.headers.has("next-action")) return true;
  return (req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

function localeOf(req: Request): Locale {
  const cookie = req.headers.get("cookie") ?? "";
  const m = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(cookie);
  return m && isLocale(m[1]) ? m[1] : "en";
}

/**
 * The values React's reply encoding gives meaning to that these forms can send: plain JSON, "$$"
 * (a string that starts with "$"), and the few special values. A FormData ("$K1") can only
 * travel in a multipart body, whose parts are then its fields. Anything else ("$@", "$Q", "$B",
 * "$T", "$h", …) would point at a part of the body, which no form of this app sends.
 */
function valuesKnown(value: unknown, formData: boolean, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") {
    if (!value.startsWith("$")) return true;
    return /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$)/.test(value) || (formData && /^\$K\d+$/.test(value));
  }
  if (Array.isArray(value)) return value.every((v) => valuesKnown(v, formData, depth + 1));
  if (value !== null && typeof value === "object") return Object.values(value).every((v) => valuesKnown(v, formData, depth + 1));
  return true;
}

function jsonArray(text: string, formData: boolean): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  return Array.isArray(parsed) && valuesKnown(parsed, formData);
}

/** A post without JavaScript: each action reference must be {id, bound} with its bound arguments a list. */
function noScriptFormWellFormed(form: FormData): boolean {
  for (const key of form.keys()) {
    const m = /^\$ACTION_REF_(.*)$/.exec(key);
    if (!m) continue;
    const ref = form.get(`$ACTION_${m[1]}:0`);
    if (typeof ref !== "string") return false;
    let parsed: unknown;
    try {
      parsed = JSON.parse(ref);
    } catch {
      return false;
    }
    const { id, bound } = (parsed ?? {}) as { id?: unknown; bound?: unknown };
    if (typeof id !== "string") return false;
    if (bound === null || bound === undefined) continue;
    const b = typeof bound === "string" ? /^\$@(\d+)$/.exec(bound) : null;
    if (!b) return false;
    const args = form.get(`$ACTION_${m[1]}:${b[1]}`);
    if (typeof args !== "string" || !jsonArray(args, false)) return false;
  }
  return true;
}

/** The action ids a no-JavaScript form names: $ACTION_ID_<id> fields, and the id of each $ACTION_REF_ reference. */
function noScriptActionIds(form: FormData): string[] {
  const ids: string[] = [];
  for (const key of form.keys()) {
    if (key.startsWith("$ACTION_ID_")) ids.push(key.slice("$ACTION_ID_".length));
    const m = /^\$ACTION_REF_(.*)$/.exec(key);
    if (!m) continue;
    const ref = form.get(`$ACTION_${m[1]}:0`);
    try {
      const id = (JSON.parse(typeof ref === "string" ? ref : "null") as { id?: unknown } | null)?.id;
      if (typeof id === "string") ids.push(id);
    } catch {
      // a reference that is not JSON is refused as malformed before this is asked
    }
  }
  return ids;
}

/**
 * Null when the request may go on to Next; otherwise what to answer. Reads a clone of the body.
 * `knownActions`: the ids of this build's server actions, when known. A form from a page opened
 * before the app was upgraded names an action this build does not have; Next answers that with
 * "Server Action unavailable." in English, which says nothing of what to do.
 */
export async function checkActionRequest(req: Request, knownActions?: ReadonlySet<string> | null): Promise<ActionRequestRefusal | null> {
  if (!mayBeServerAction(req)) return null;
  const locale = localeOf(req);
  if (!originAllowed(req)) return refuse("origin", locale);
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_ACTION_BODY_BYTES) return refuse("tooLarge", locale);
  const body = Buffer.from(await req.clone().arrayBuffer());
  if (body.byteLength > MAX_ACTION_BODY_BYTES) return refuse("tooLarge", locale);
  const fetchAction = req.headers.has("next-action");
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": req.headers.get("content-type")! } }).formData();
    } catch {
      return refuse("malformed", locale);
    }
    if (fetchAction) {
      const args = form.get("0");
      if (!(typeof args === "string" && jsonArray(args, true))) return refuse("malformed", locale);
      return unknown([req.headers.get("next-action")!]) ? refuse("unknownAction", locale) : null;
    }
    if (!noScriptFormWellFormed(form)) return refuse("malformed", locale);
    return unknown(noScriptActionIds(form)) ? refuse("unknownAction", locale) : null;
  }
  if (!fetchAction) return null; // not a server action: Next passes it on to the page
  if (type.startsWith("application/x-www-form-urlencoded")) return null; // Next answers 404 itself
  // React sends the arguments as text: a JSON list.
  if (!jsonArray(body.toString("utf8"), false)) return refuse("malformed", locale);
  return unknown([req.headers.get("next-action")!]) ? refuse("unknownAction", locale) : null;

  function unknown(ids: string[]): boolean {
    return !!knownActions && ids.some((id) => !knownActions.has(id));
  }
}
