import { isIP } from "node:net";
import { PEER_HEADER } from "./peer-header.mjs";

// The client's address, for sign-in throttling per address (lib/auth/throttle.ts).
//
// The production server (lib/cli/http-server.mjs) puts the address of the connection in
// PEER_HEADER on every request. With no reverse proxy in front (CASEFILE_TRUSTED_PROXIES=0,
// the default), that address is the client's, and nothing the client sends changes it. Behind
// N proxies, each appending the address it received the request from to X-Forwarded-For (nginx:
// `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`), the client is the address
// N steps from the end of [X-Forwarded-For…, connection]: entries further left were written
// by the client or by proxies we do not run, and are not trusted.

export const TRUSTED_PROXIES_ENV = "CASEFILE_TRUSTED_PROXIES";
const MAX_TRUSTED_PROXIES = 10;
/** Longest text kept as an address key when an entry is not an IP address. */
const MAX_KEY = 64;

/** The number of trusted reverse proxies, or an error message that says what to fix. */
export function parseTrustedProxies(raw: string | undefined): number | { error: string } {
  const text = (raw ?? "").trim();
  if (text === "") return 0;
  if (!/^\d{1,2}$/.test(text) || Number(text) > MAX_TRUSTED_PROXIES) {
    return { error: `${TRUSTED_PROXIES_ENV} must be the number of reverse proxies in front of Casefile, from 0 to ${MAX_TRUSTED_PROXIES} (0 or unset: none); it is "${text.slice(0, 40)}".` };
  }
  return Number(text);
}

/** The setting, for a request: a value that does not parse counts as no proxies (npm start refuses it before the server starts). */
function trustedProxies(): number {
  const n = parseTrustedProxies(process.env[TRUSTED_PROXIES_ENV]);
  return typeof n === "number" ? n : 0;
}

/** IPv6 groups of one side of "::", an embedded IPv4 tail (::ffff:1.2.3.4 and the like) as two groups. */
function ipv6Groups(part: string): string[] {
  const groups = part ? part.split(":") : [];
  const last = groups[groups.length - 1];
  if (last?.includes(".")) {
    const b = last.split(".").map(Number);
    groups.splice(-1, 1, ((b[0]! << 8) | b[1]!).toString(16), ((b[2]! << 8) | b[3]!).toString(16));
  }
  return groups;
}

/** A valid IPv6 address's first 64 bits, written out in full: one client usually holds a whole /64. */
function ipv6Prefix64(address: string): string {
  const [head = "", tail] = address.toLowerCase().split("::");
  const h = ipv6Groups(head);
  const t = tail === undefined ? [] : ipv6Groups(tail);
  const full = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t];
  return `${full.slice(0, 4).map((g) => g.padStart(4, "0")).join(":")}::/64`;
}

/**
 * One entry of an address list as a throttling key: an IPv4 address as it is; an IPv4 address
 * mapped into IPv6 (::ffff:a.b.c.d) as the IPv4 address; another IPv6 address as its /64; a
 * port or brackets around the address removed; anything else (a proxy's obfuscated identifier)
 * as its text, shortened.
 */
export function addressKey(entry: string): string {
  let a = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(a);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  const zoneless = a.replace(/%.*$/, "");
  switch (isIP(zoneless)) {
    case 4:
      return zoneless;
    case 6:
      return ipv6Prefix64(zoneless);
    default:
      return a.slice(0, MAX_KEY) || "unknown";
  }
}

function headerText(headers: Record<string, unknown> | undefined, name: string): string {
  const v = headers?.[name];
  return typeof v === "string" ? v : Array.isArray(v) ? v.filter((x) => typeof x === "string").join(",") : "";
}

/**
 * The client's address as a throttling key, from a request's headers (names in lower case).
 * Without PEER_HEADER (the app started without lib/cli/http-server.mjs, e.g. `next dev`), the
 * X-Forwarded-For that Next fills in is all there is: it is used the same way, but a client can
 * then choose it.
 */
export function clientAddress(headers: Record<string, unknown> | undefined, hops: number = trustedProxies()): string {
  const forwarded = headerText(headers, "x-forwarded-for")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const peer = headerText(headers, PEER_HEADER).trim();
  const chain = peer ? [...forwarded, peer] : forwarded;
  if (chain.length === 0) return "unknown";
  // Fewer entries than trusted proxies: the request did not come through all of them; the
  // farthest address known is the best there is.
  return addressKey(chain[Math.max(0, chain.length - 1 - hops)]!);
}
