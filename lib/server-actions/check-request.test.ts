import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fa from "@/messages/fa.json";
import { checkActionRequest, MAX_ACTION_BODY_BYTES } from "./check-request";

const ID = "40" + "ab".repeat(20);
const HOST = "casefile.test";

function post(body: string, type: string, headers: Record<string, string> = {}, action: string | null = ID): Request {
  const h: Record<string, string> = { host: HOST, "content-type": type, ...headers };
  if (action) h["next-action"] = action;
  return new Request(`http://${HOST}/places/new`, { method: "POST", headers: h, body });
}

function multipart(parts: [string, string][]): { body: string; type: string } {
  const b = "----checkRequestTest";
  return { body: parts.map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${b}--\r\n`, type: `multipart/form-data; boundary=${b}` };
}

const PREV = '{"seq":0,"ok":false,"values":{}}';

describe("checkActionRequest", () => {
  it("lets through what React sends: JSON arguments, and a form with its fields", async () => {
    expect(await checkActionRequest(post(`["id-1",${PREV},"$$dollar","$undefined"]`, "text/plain;charset=UTF-8"))).toBeNull();
    const m = multipart([["1_name", "x"], ["1_$ACTION_KEY", "k1"], ["0", `["id-1",${PREV},"$K1"]`]]);
    expect(await checkActionRequest(post(m.body, m.type, { origin: `http://${HOST}` }))).toBeNull();
    const noScript = multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", JSON.stringify({ id: ID, bound: "$@1" })], ["$ACTION_1:1", `["id-1",${PREV}]`], ["name", "x"]]);
    expect(await checkActionRequest(post(noScript.body, noScript.type, { origin: `http://${HOST}` }, null))).toBeNull();
    const plain = multipart([[`$ACTION_ID_${ID}`, ""], ["locale", "fa"]]);
    expect(await checkActionRequest(post(plain.body, plain.type, {}, null))).toBeNull();
  });

  it("passes anything that is not a server action", async () => {
    expect(await checkActionRequest(new Request(`http://${HOST}/places`, { method: "GET", headers: { host: HOST } }))).toBeNull();
    expect(await checkActionRequest(post("a=1", "application/x-www-form-urlencoded", {}, null))).toBeNull();
  });

  it.each([
    ["JSON that is not a list", '{"a":1}', "text/plain"],
    ["a JSON string", '"x"', "text/plain"],
    ["malformed JSON", "[{", "text/plain"],
    ["an empty body", "", "text/plain"],
    ["a FormData reference without a form", '["$K1"]', "text/plain"],
    ["a reference to another part", '["$@1"]', "text/plain"],
    ["a nested server reference", '[{"a":["$h1"]}]', "text/plain"],
    ["a multipart body cut short", '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1', "multipart/form-data; boundary=b"],
    ["multipart with no boundary", "abc", "multipart/form-data"],
  ])("refuses %s with 400", async (_label, body, type) => {
    const r = await checkActionRequest(post(body, type));
    expect(r).toMatchObject({ status: 400, problem: "malformed", message: en.actionRequest.malformed });
  });

  it("refuses a multipart body without its arguments, or with arguments that are not a list", async () => {
    for (const parts of [[["1_name", "x"]], [["0", '{"a":1}']], [["0", '["$Q3"]']]] as [string, string][][]) {
      const m = multipart(parts);
      expect((await checkActionRequest(post(m.body, m.type)))?.status).toBe(400);
    }
  });

  it("refuses a post without JavaScript whose action reference or bound arguments are broken", async () => {
    for (const parts of [
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", "{nope"]],
      [["$ACTION_REF_1", ""]],
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", JSON.stringify({ id: 5, bound: null })]],
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", JSON.stringify({ id: ID, bound: "$@1" })], ["$ACTION_1:1", "[[["]],
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", JSON.stringify({ id: ID, bound: "$@1" })], ["$ACTION_1:1", '{"x":1}']],
      [["$ACTION_REF_1", ""], ["$ACTION_1:0", JSON.stringify({ id: ID, bound: "$@2" })], ["$ACTION_1:1", "[]"]],
    ] as [string, string][][]) {
      const m = multipart(parts);
      expect((await checkActionRequest(post(m.body, m.type, {}, null)))?.status, JSON.stringify(parts)).toBe(400);
    }
  });

  it("refuses another site's origin, a null origin and a malformed one with 403", async () => {
    for (const origin of ["http://elsewhere.example", "null", "::nope::", `http://${HOST}.elsewhere.example`]) {
      expect(await checkActionRequest(post("[]", "text/plain", { origin }))).toMatchObject({ status: 403, problem: "origin" });
    }
    // Behind a proxy the forwarded host is the site's.
    expect(await checkActionRequest(post("[]", "text/plain", { origin: "https://cases.example.org", "x-forwarded-host": "cases.example.org" }))).toBeNull();
  });

  it("refuses a body over the limit with 413, declared or not", async () => {
    const big = `["${"x".repeat(MAX_ACTION_BODY_BYTES)}"]`;
    expect(await checkActionRequest(post(big, "text/plain"))).toMatchObject({ status: 413, problem: "tooLarge" });
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const chunked = new Request(`http://${HOST}/places/new`, { method: "POST", headers: { host: HOST, "content-type": "text/plain", "next-action": ID }, body: stream, duplex: "half" } as RequestInit);
    expect(await checkActionRequest(chunked)).toMatchObject({ status: 413 });
  });

  it("answers in the language the user chose", async () => {
    const r = await checkActionRequest(post("[{", "text/plain", { cookie: "a=b; casefile-locale=fa" }));
    expect(r?.message).toBe(fa.actionRequest.malformed);
    expect(fa.actionRequest.malformed).not.toBe(en.actionRequest.malformed);
  });

  // A form from a page opened before an upgrade names an action this build does not have. Next
  // answered "Server Action unavailable." (409) or "Invalid Server Action request." (400), in
  // English whatever the user's language, and without saying what to do.
  it("refuses an action this build does not have with 409 and what to do, in the user's language", async () => {
    const known = new Set([ID]);
    const OLD = "40" + "cd".repeat(20);
    const noScript = (id: string) => multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", JSON.stringify({ id, bound: "$@1" })], ["$ACTION_1:1", `["id-1",${PREV}]`], ["name", "x"]]);
    const plain = (id: string) => multipart([[`$ACTION_ID_${id}`, ""], ["locale", "fa"]]);
    const fetched = multipart([["1_name", "x"], ["0", `["id-1",${PREV},"$K1"]`]]);
    // This build's own action passes, in each form of request.
    expect(await checkActionRequest(post(`["id-1",${PREV}]`, "text/plain;charset=UTF-8"), known)).toBeNull();
    expect(await checkActionRequest(post(fetched.body, fetched.type), known)).toBeNull();
    for (const m of [noScript(ID), plain(ID)]) expect(await checkActionRequest(post(m.body, m.type, {}, null), known)).toBeNull();
    // Another id is refused, whichever way it is named.
    for (const id of [OLD, "nope"]) {
      expect(await checkActionRequest(post(`["id-1",${PREV}]`, "text/plain;charset=UTF-8", {}, id), known)).toMatchObject({ status: 409, problem: "unknownAction", message: en.actionRequest.unknownAction });
      expect(await checkActionRequest(post(fetched.body, fetched.type, {}, id), known)).toMatchObject({ status: 409, problem: "unknownAction" });
      for (const m of [noScript(id), plain(id)]) {
        expect(await checkActionRequest(post(m.body, m.type, { cookie: "casefile-locale=fa" }, null), known)).toMatchObject({ status: 409, message: fa.actionRequest.unknownAction });
      }
    }
    // Without the build's list (under next dev) nothing is refused for it.
    expect(await checkActionRequest(post(`["id-1",${PREV}]`, "text/plain;charset=UTF-8", {}, OLD), null)).toBeNull();
  });
});
