// How large a request body the forms (server actions) and the JSON API accept. The limit is set
// by the largest record a user may validly save, so that nothing the schemas allow is refused on
// the way in: a statement at its limits (lib/statements/schemas.ts) holds its original text and up
// to 10 translations of 200,000 characters each, plus summary, notes and the short fields — about
// 2.2 million characters, and a character takes up to 3 bytes in UTF-8 (Persian letters take 2).
// A larger body is refused with 413 before it is read in full. next.config.js gives Next's own
// server-action limit the same number. body-limit.test.ts checks both against the schemas.

/** 8 MiB. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
