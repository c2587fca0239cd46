// The browser gets only the interface text its client components use, not the whole catalogue
// (both areas' files together are ~70 KB per page, and serialising them cost every page ~10 ms
// of server time). The root layout hands over BASE_CLIENT_MESSAGES, which the layouts' and the
// error boundaries' client components need; a page (or a server component) that renders other
// client components wraps them in <ClientMessages namespaces={[...]}> (app/_components/
// client-messages.tsx), which hands over BASE_CLIENT_MESSAGES plus those namespaces. A nested
// provider replaces the outer one's messages, so each wrapper names everything below it.
// lib/i18n/client-messages.test.ts reads the client components and fails when one of them uses
// a namespace that the wrapper above it does not provide.

type Messages = Record<string, unknown>;

/** Namespaces (or dotted sub-paths) every page's client components may use. */
export const BASE_CLIENT_MESSAGES = ["errorPage", "nav", "common"] as const;

/** The parts of `messages` named by `paths` ("links", "registry.picker"), in the same shape. */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const out: Messages = {};
  for (const path of paths) {
    const parts = path.split(".");
    let src: unknown = messages;
    for (const p of parts) src = src && typeof src === "object" ? (src as Messages)[p] : undefined;
    if (src === undefined) continue;
    let dst = out;
    for (const p of parts.slice(0, -1)) {
      const next = dst[p];
      dst = (dst[p] = next && typeof next === "object" ? next : {}) as Messages;
    }
    const last = parts[parts.length - 1];
    const prev = dst[last];
    dst[last] =
      prev && typeof prev === "object" && src && typeof src === "object" ? { ...(prev as Messages), ...(src as Messages) } : src;
  }
  return out;
}
