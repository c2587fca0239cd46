import { describe, expect, test } from "vitest";
import record from "@/lib/seed/public-record-1988.json";
import { findMentions, findMentionsInSlices, joinable, prepareCandidates, prepareCandidatesInSlices, tokenize, type SuggestCandidate } from "./suggest";

// The registries as the demo seed loads them, with a differently written Persian name for
// Nayyeri (the seed's is «حسینعلی نیری»).
type Named = { name: string; name_fa?: string; aliases?: string[]; key?: string };
const CANDIDATES: SuggestCandidate[] = [
  ...record.persons.map((p) => ({ kind: "person" as const, id: p.key, name: p.name, nameFa: p.key === "nayyeri" ? "حسین‌علی نیّری" : p.name_fa, aliases: p.aliases })),
  ...record.organisations.map((o: Named) => ({ kind: "organisation" as const, id: o.name, name: o.name, nameFa: o.name_fa ?? "", aliases: o.aliases ?? [] })),
  ...record.places.map((p: Named) => ({ kind: "place" as const, id: p.name, name: p.name, nameFa: p.name_fa ?? "", aliases: p.aliases ?? [] })),
];
const prepared = prepareCandidates(CANDIDATES);
const ZWNJ = "\u200C";

function ids(text: string) {
  return findMentions(text, prepared).map((s) => `${s.kind}:${s.id}:${s.quote}`);
}

describe("tokenising a statement", () => {
  test("words keep their UTF-16 offsets; ZWNJ, hyphens and apostrophes stay inside a word", () => {
    const text = `ما می${ZWNJ}دیدیم که Pour-Mohammadi و Ra'isi آمدند.`;
    const t = tokenize(text);
    expect(t.map((x) => x.text)).toEqual(["ما", `می${ZWNJ}دیدیم`, "که", "Pour-Mohammadi", "و", "Ra'isi", "آمدند"]);
    for (const x of t) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  test("punctuation and paragraph breaks end a name; a space or one line break does not", () => {
    const text = "Hossein Ali\nNayyeri. Raisi,\n\nKhomeini";
    const t = tokenize(text);
    expect(joinable(text, t[0]!, t[1]!)).toBe(true);
    expect(joinable(text, t[1]!, t[2]!)).toBe(true);
    expect(joinable(text, t[2]!, t[3]!)).toBe(false);
    expect(joinable(text, t[3]!, t[4]!)).toBe(false);
  });

  test("Persian digits and Arabic-script punctuation split words as expected", () => {
    expect(tokenize("در ۱۳۶۷، «نیری» گفت؛").map((x) => x.text)).toEqual(["در", "۱۳۶۷", "نیری", "گفت"]);
  });
});

describe("suggesting links", () => {
  test("a Persian text mentioning «نیری» suggests Hossein-Ali Nayyeri, with the exact offsets", () => {
    const text = "در مرداد ۱۳۶۷ «نیری» رئیس هیئت بود و حکم را خواند.";
    const s = findMentions(text, prepared);
    const nayyeri = s.find((x) => x.id === "nayyeri");
    expect(nayyeri).toBeDefined();
    expect(nayyeri!.quote).toBe("نیری");
    expect(text.slice(nayyeri!.startOffset, nayyeri!.endOffset)).toBe("نیری");
  });

  test("Arabic code points and another spelling still find the person («نيري», Nayeri)", () => {
    expect(ids("گفتند نيري آنجا بود")).toContain("person:nayyeri:نيري");
    expect(ids("The judge, Nayeri, read the names.")).toContain("person:nayyeri:Nayeri");
  });

  test("a full name is one suggestion for the whole name, not one per word", () => {
    const s = findMentions(`حسین${ZWNJ}علی نیری و مصطفی پورمحمدی در اتاق بودند.`, prepared);
    expect(s.map((x) => `${x.id}:${x.quote}`).sort()).toEqual([`nayyeri:حسین${ZWNJ}علی نیری`, "pourmohammadi:مصطفی پورمحمدی"]);
  });

  test("a name part written joined, with a ZWNJ, a space or another zero-width character is the same whole name either way round", () => {
    // The registry writes «حسین‌علی» apart (this file's Nayyeri) and «پورمحمدی» joined (the seed).
    for (const gap of ["", ZWNJ, " ", "\u200B", "\uFEFF", "\u2060"]) {
      const text = `گفت حسین${gap}علی نیری و مصطفی پور${gap}محمدی آمدند.`;
      expect(ids(text).sort(), JSON.stringify(gap)).toEqual([`person:nayyeri:حسین${gap}علی نیری`, `person:pourmohammadi:مصطفی پور${gap}محمدی`]);
    }
    // The registry's joined name found in a text that writes it apart, and the other way round.
    const joined = prepareCandidates([{ kind: "person", id: "n", name: "Hossein-Ali Nayyeri", nameFa: "حسینعلی نیری", aliases: [] }]);
    const apart = prepareCandidates([{ kind: "person", id: "n", name: "Hossein-Ali Nayyeri", nameFa: `حسین${ZWNJ}علی نیری`, aliases: [] }]);
    expect(findMentions(`دیدم حسین${ZWNJ}علی نیری را`, joined).map((s) => s.quote)).toEqual([`حسین${ZWNJ}علی نیری`]);
    expect(findMentions("دیدم حسینعلی نیری را", apart).map((s) => s.quote)).toEqual(["حسینعلی نیری"]);
    // Joining never makes a given name alone a suggestion.
    expect(findMentions("حسینعلی و حسین‌علی آمدند", joined)).toEqual([]);
    expect(findMentions("حسینعلی و حسین‌علی آمدند", apart)).toEqual([]);
  });

  test("names in Latin letters inside Persian text, and spellings split in two words", () => {
    expect(ids("نام او را Pour Mohamadi نوشتند")).toContain("person:pourmohammadi:Pour Mohamadi");
    expect(ids("Hojjat-ol-Eslam Ra'eesi was the deputy prosecutor")).toContain("person:raisi:Ra'eesi");
  });

  test("places and organisations are suggested too; generic words alone are not", () => {
    const found = ids("They took us from Evin to Gohardasht prison. The Mojahedin supporters were called first.");
    expect(found).toContain("place:Evin Prison:Evin");
    expect(found).toContain("place:Gohardasht Prison:Gohardasht prison");
    expect(found).toContain("organisation:People's Mojahedin Organization of Iran:Mojahedin");
    expect(ids("The prison was quiet and the party was over.")).toEqual([]);
  });

  test("a given name alone suggests nobody: «علی» is not Ali Khamenei, Hossein is not Nayyeri", () => {
    expect(ids("علی و حسین در بند ما بودند. Ali and Hossein were there.")).toEqual([]);
  });

  test("an epithet among the aliases counts only whole: Tehran is not the 'Butcher of Tehran'", () => {
    expect(ids("We were taken to Tehran.")).toEqual([]);
    expect(ids("They called him the Butcher of Tehran.")).toContain("person:raisi:Butcher of Tehran");
  });

  test("look-alike names are not suggested (Nouri is not Nayyeri; Khomeini is not Khamenei)", () => {
    const s = findMentions("Nouri stood at the door. Khomeini's order was read.", prepared);
    expect(s.find((x) => x.quote === "Nouri")?.id).toBe("nouri");
    expect(s.find((x) => x.quote.startsWith("Khomeini"))?.id).toBe("khomeini");
    expect(s.some((x) => x.id === "nayyeri" || x.id === "khamenei")).toBe(false);
  });

  test("suggestions do not overlap and come best first", () => {
    const s = findMentions("Hossein-Ali Nayyeri, Nayeri, and Raisi", prepared);
    for (let i = 1; i < s.length; i++) expect(s[i - 1]!.score).toBeGreaterThanOrEqual(s[i]!.score);
    for (const a of s) for (const b of s) if (a !== b) expect(a.endOffset <= b.startOffset || b.endOffset <= a.startOffset).toBe(true);
  });

  test("a long statement finds every mention (how fast is measured by hand, not here: the machines are shared)", () => {
    const para = `ما از پنجره می${ZWNJ}دیدیم که زندانیان را با چشم${ZWNJ}بند به صف می${ZWNJ}کنند و نیری با اشراقی به اتاق رفت. `;
    const text = para.repeat(600); // about 60,000 characters
    const s = findMentions(text, prepareCandidates(CANDIDATES));
    expect(s.length).toBe(1200);
    expect(new Set(s.map((x) => `${x.id}:${x.quote}`))).toEqual(new Set(["nayyeri:نیری", "eshraqi:اشراقی"]));
  });
});

describe("finding mentions a slice of time at a time", () => {
  // A mixed text in which every kind of step happens: words, ZWNJ words, pairs written apart.
  const text = [
    `حسین${ZWNJ}علی نیری و مصطفی پور محمدی در اتاق بودند؛ اشراقی بیرون ایستاده بود.`,
    "Nouri stood at the door of Evin. Hossein-Ali Nayyeri, Nayeri, and Raisi came in. Khomeini's order was read.",
    `در گوهردشت و اوین، پور${ZWNJ}محمدی پرسش${ZWNJ}ها را می${ZWNJ}خواند.`,
  ]
    .join("\n")
    .repeat(40);

  test("gives what findMentions gives, and so does the sliced keying of the registries", async () => {
    const expected = findMentions(text, prepared);
    expect(expected.length).toBeGreaterThan(200);
    expect(await findMentionsInSlices(text, prepared, { sliceMs: 0 })).toEqual(expected);
    const slicedPrepared = await prepareCandidatesInSlices(CANDIDATES, { sliceMs: 0 });
    expect(findMentions(text, slicedPrepared)).toEqual(expected);
  });

  test("lets other work run between slices (the server's other requests)", async () => {
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    await prepareCandidatesInSlices(CANDIDATES, { sliceMs: 0 });
    const keyingTurns = turns;
    await findMentionsInSlices(text, prepared, { sliceMs: 0 });
    done = true;
    expect(keyingTurns).toBeGreaterThan(0);
    expect(turns - keyingTurns).toBeGreaterThan(10);
  });
});
