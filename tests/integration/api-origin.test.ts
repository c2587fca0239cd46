import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST as eventsRoute } from "@/app/api/v1/events/route";
import { createToken } from "@/lib/auth/tokens";
import { read } from "@/lib/db/write";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// A write to the JSON API from another site's page: signed in by the session cookie, which the
// browser sends along, it is refused before anything is read or written; with a Bearer token,
// which no browser sends on its own, the Origin is not asked. (The cookie itself needs a running
// server: tests/e2e/api.spec.ts posts a form from another site's page.)

let db: TestDatabase;
let token: string;

beforeAll(async () => {
  db = await freshDatabase();
  token = (await createToken({ actor: await makeActor("RESEARCHER"), input: { name: "origin" } })).secret;
});
afterAll(async () => db?.drop());

function post(headers: Record<string, string>, title: string) {
  const body = JSON.stringify({ title, dateStart: "1988-07-19" });
  return eventsRoute(new Request("http://casefile.test/api/v1/events", { method: "POST", headers: { host: "casefile.test", "content-type": "application/json", ...headers }, body }), { params: Promise.resolve({}) });
}

describe("writes from another site", () => {
  test("without a token and with another site's Origin: 403, nothing written", async () => {
    const count = () => read((d) => d.event.count());
    const before = await count();
    const res = await post({ origin: "http://127.0.0.1:1", cookie: "next-auth.session-token=whatever" }, "Fictional event from another site");
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("FORBIDDEN");
    expect(await count()).toBe(before);
  });

  test("with a Bearer token the Origin is not asked; this site's own Origin is no obstacle either", async () => {
    expect((await post({ authorization: `Bearer ${token}`, origin: "https://elsewhere.test" }, "Fictional event sent with a token")).status).toBe(201);
    expect((await post({ authorization: `Bearer ${token}`, origin: "http://casefile.test" }, "Fictional event sent from this site")).status).toBe(201);
  });
});
