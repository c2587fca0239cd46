import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rankTitlesThenRead } from "@/lib/registries/rank";

// The link form's event box says what to type, with examples: each must find an event of the
// demo archive, found as the box finds them (by title, lib/events searchEvents).
const seed = JSON.parse(readFileSync("lib/seed/public-record-1988.json", "utf8")) as { events: { title: string; title_fa: string }[] };
const titles = seed.events.map((e, i) => ({ id: String(i), name: e.title, nameFa: e.title_fa, aliases: [] }));

describe.each(["en", "fa"])("the event box's hint (%s)", (locale) => {
  it("gives examples that find an event in the demo data", async () => {
    const hint = (JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as { links: { eventHint: string } }).links.eventHint;
    const examples = /\(([^)]*)\)/.exec(hint)![1]!.replace(/…/g, "").split(/[,،]/).map((s) => s.trim()).filter(Boolean);
    expect(examples.length).toBeGreaterThan(1);
    for (const q of examples) {
      const found = await rankTitlesThenRead(titles, q, 10, async (ids) => ids.map((id) => ({ id })));
      expect(found.length, q).toBeGreaterThan(0);
    }
  });
});
