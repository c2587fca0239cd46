import { toLatinDigits } from "@/lib/dates";

/**
 * A typed part of a witness code as the codes are written: Persian and Arabic-Indic digits as
 * ASCII ones, letters upper case, anything a code cannot hold left out, and the hyphen a code has after
 * its W put back when it was left out ("w ۱۲" is "W-12", the start of W-1200 to W-1299, as "w-12"
 * is). Codes are `W-` and digits, so a LIKE wildcard can never reach the database either.
 *
 * «ص» is read as W: it is what the W key types on the standard Persian layout (and the Arabic
 * one), so a code typed without switching layouts ("ص-۰۰۱۲") still names its witness. Nothing
 * else of that layout needs reading: its digit keys type Persian digits (read above) and its "-"
 * key types "-", and a code holds no other letter.
 */
export function codeFilter(q: string | undefined): string {
  return codeAsTyped(q ?? "")
    .replace(/[^A-Z0-9-]/g, "")
    .replace(/W(?=\d)/g, "W-");
}

/**
 * A code as typed, in the letters and digits codes are written with, nothing left out: what
 * a field that names one witness (an import's witness column, "same person as") compares, so
 * that "ص-۰۰۱۲" is W-0012 there too, while "W-0012!" stays a code no witness has.
 */
export function codeAsTyped(s: string): string {
  return toLatinDigits(s.replace(/\u0635/g, "W")).toUpperCase();
}
