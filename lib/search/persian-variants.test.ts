import { describe, expect, test } from "vitest";
import { parseQuery } from "./search";
import { joinedWords, nameSplits, phraseForms, splitAffixes, unitForms, withNameForms, wordUnits } from "./persian-variants";

describe("splitAffixes", () => {
  test("plural, comparative and verbal affixes come apart from their stem", () => {
    expect(splitAffixes("ملاقاتها")).toEqual(["ملاقات", "ها"]);
    expect(splitAffixes("خانوادههای")).toEqual(["خانواده", "های"]);
    expect(splitAffixes("بزرگترین")).toEqual(["بزرگ", "ترین"]);
    expect(splitAffixes("میرفتیم")).toEqual(["می", "رفتیم"]);
    expect(splitAffixes("نمیدانستیم")).toEqual(["نمی", "دانستیم"]);
    expect(splitAffixes("میبردندشان")).toEqual(["می", "بردندشان"]);
  });

  test("a stem too short, an affix alone, a Latin word or a number stay whole", () => {
    expect(splitAffixes("دختر")).toEqual(["دختر"]);
    expect(splitAffixes("ها")).toEqual(["ها"]);
    expect(splitAffixes("می")).toEqual(["می"]);
    expect(splitAffixes("mihan")).toEqual(["mihan"]);
    expect(splitAffixes("1367")).toEqual(["1367"]);
  });
});

describe("wordUnits", () => {
  test("the parts of a word written with a ZWNJ are one unit; so are an affix written apart and its word", () => {
    expect(wordUnits("ملاقات‌ها قطع شد")).toEqual([["ملاقات", "ها"], ["قطع"], ["شد"]]);
    expect(wordUnits("هیچ‌کس")).toEqual([["هیچ", "کس"]]);
    expect(wordUnits("ملاقات ها")).toEqual([["ملاقات", "ها"]]);
    expect(wordUnits("ما را می برند")).toEqual([["ما"], ["را"], ["می", "برند"]]);
    // Arabic-keyboard letters are folded first.
    expect(wordUnits("هيچ‌كس")).toEqual([["هیچ", "کس"]]);
  });

  test("Latin text and separators other than the joiners are words of their own", () => {
    expect(wordUnits("Evin ها")).toEqual([["evin"], ["ها"]]);
    expect(wordUnits("a/b")).toEqual([["a"], ["b"]]);
  });

  test("every invisible joiner holds a word's parts together as the index does, U+FEFF too (JavaScript's \\s counts it as a space)", () => {
    for (const j of ["\u200C", "\u200D", "\u200B", "\u2060", "\uFEFF"]) {
      const typed = `با چشم${j}بند`;
      expect(wordUnits(typed), typed).toEqual([["با"], ["چشم", "بند"]]);
      // The index adds the same word joined.
      expect(joinedWords(typed), typed).toEqual(["چشمبند"]);
    }
    // One run, whichever joiners it mixes: one joined word.
    expect(joinedWords("کتاب\u200Cهای\uFEFFشان")).toEqual(["کتابهایشان"]);
  });
});

describe("forms searched", () => {
  test("a word's forms: as typed, joined, split, and a singular's plural and other endings written joined", () => {
    expect(unitForms(["ملاقات", "ها"])).toEqual([["ملاقات", "ها"], ["ملاقاتها"]]);
    expect(unitForms(["ملاقاتها"])).toEqual([["ملاقاتها"], ["ملاقات", "ها"]]);
    expect(unitForms(["ملاقات"])).toEqual([
      ["ملاقات"],
      ["ملاقاتها"],
      ["ملاقاتهای"],
      ["ملاقاتهایش"],
      ["ملاقاتهایت"],
      ["ملاقاتهایم"],
      ["ملاقاتهایی"],
      ["ملاقاتهایمان"],
      ["ملاقاتهایتان"],
      ["ملاقاتهایشان"],
      ["ملاقاتی"],
      ["ملاقاتم"],
      ["ملاقاتت"],
      ["ملاقاتش"],
      ["ملاقاتمان"],
      ["ملاقاتتان"],
      ["ملاقاتشان"],
    ]);
    // Two letters: «ان» + «ها» is «آنها» (they), not a plural of «آن»; «سر» + «م» is «سرم» (serum).
    expect(unitForms(["ان"])).toEqual([["ان"]]);
    expect(unitForms(["سر"])).toEqual([["سر"]]);
    expect(unitForms(["evin"])).toEqual([["evin"]]);
    expect(unitForms(["1367"])).toEqual([["1367"]]);
  });

  test("a plural with a possessive ending is a form of the singular; the forms of a word are bounded", () => {
    expect(unitForms(["کتاب"]).flat()).toEqual(expect.arrayContaining(["کتابها", "کتابهایم", "کتابهایشان", "کتابهایی"]));
    for (const w of ["ملاقات", "کتاب", "خانه", "زندانی", "بازجویی"]) expect(unitForms([w]).length, w).toBeLessThanOrEqual(17);
    // Already a plural: no plural of a plural, and no ending after it.
    expect(unitForms(["کتابهایم"])).toEqual([["کتابهایم"], ["کتاب", "هایم"]]);
  });

  test("after a final ه or ی the endings take an alef; a plural gets none", () => {
    expect(unitForms(["خانه"]).slice(10).map((f) => f.join(" "))).toEqual(["خانهای", "خانهام", "خانهات", "خانهاش", "خانهمان", "خانهتان", "خانهشان"]);
    expect(unitForms(["زندانی"]).slice(10).map((f) => f.join(" "))).toEqual(["زندانیای", "زندانیام", "زندانیات", "زندانیاش", "زندانیمان", "زندانیتان", "زندانیشان"]);
    expect(unitForms(["ملاقاتها"]).flat()).not.toContain("ملاقاتهام");
    // Never a prefix: «زندانبان» (jailer) is no form of «زندان».
    expect(unitForms(["زندان"]).flat()).not.toContain("زندانبان");
  });

  test("a phrase's forms: as typed, joined, split at affixes, and with one word at a time split in two", () => {
    expect(phraseForms(wordUnits("ملاقات‌ها قطع شد"))).toEqual([
      ["ملاقات", "ها", "قطع", "شد"],
      ["ملاقاتها", "قطع", "شد"],
      ["مل", "اقاتها", "قطع", "شد"],
      ["ملا", "قاتها", "قطع", "شد"],
      ["ملاق", "اتها", "قطع", "شد"],
      ["ملاقا", "تها", "قطع", "شد"],
    ]);
    expect(phraseForms(wordUnits("ملاقاتها قطع شد")).slice(0, 2)).toEqual([
      ["ملاقاتها", "قطع", "شد"],
      ["ملاقات", "ها", "قطع", "شد"],
    ]);
    // A compound on no list, typed joined, also as its parts side by side.
    expect(phraseForms(wordUnits("با چشمبند"))).toEqual([
      ["با", "چشمبند"],
      ["با", "چش", "مبند"],
      ["با", "چشم", "بند"],
      ["با", "چشمب", "ند"],
    ]);
    expect(phraseForms(wordUnits("they took us"))).toEqual([["they", "took", "us"]]);
  });

  test("a long phrase's splits are bounded", () => {
    const forms = phraseForms(wordUnits("بازجویان زندانیان سیاسی را بازداشتگاه گوهردشت بردند"));
    expect(forms.length).toBeLessThanOrEqual(3 + 12);
    // Each one word split in two, the others as typed.
    for (const f of forms.slice(1)) expect(f.length).toBe(8);
  });

  test("parseQuery keeps the reader's words and asks for every form of each", () => {
    const p = parseQuery('آنها "ساعت‌ها با چشم‌بند" Evin');
    expect(p.terms).toEqual(["انها", "evin"]);
    expect(p.phrases).toEqual([["ساعت", "ها", "با", "چشم", "بند"]]);
    expect(p.groups.slice(0, 2)).toEqual([
      [["انها"], ["ان", "ها"]],
      [["evin"]],
    ]);
    expect(p.groups[2]!.slice(0, 2)).toEqual([
      ["ساعت", "ها", "با", "چشم", "بند"],
      ["ساعتها", "با", "چشمبند"],
    ]);
    expect(p.groups[2]).toContainEqual(["ساعتها", "با", "چشم", "بند"]);
  });
});

describe("parts of names", () => {
  test("a joined name splits after a prefix or before a suffix that fits, every one tried", () => {
    expect(nameSplits("پورمحمدی")).toEqual([["پور", "محمدی"]]);
    expect(nameSplits("حسینزاده")).toEqual([["حسین", "زاده"]]);
    expect(nameSplits("عبدالکریم")).toEqual([["عبد", "الکریم"]]);
    expect(nameSplits("محمدعلی")).toEqual([["محمد", "علی"], ["محمد", "علی"]]);
    // Too little left on the other side, or not Persian: no split.
    expect(nameSplits("محمدی")).toEqual([]);
    expect(nameSplits("سفر")).toEqual([]);
    expect(nameSplits("pourmohammadi")).toEqual([]);
  });

  test("a query word is searched at its name parts too", () => {
    expect(unitForms(["پورمحمدی"]).slice(0, 4)).toEqual([["پورمحمدی"], ["پور", "محمدی"], ["پورمحمدیها"], ["پورمحمدیهای"]]);
    // «میر» and «می» both fit «میرفتیم»: both are tried, the one that is no word finds nothing.
    expect(unitForms(["میرفتیم"]).slice(0, 3)).toEqual([["میرفتیم"], ["می", "رفتیم"], ["میر", "فتیم"]]);
  });

  test("a named record's spellings are also searched with their name parts split and joined", () => {
    expect(withNameForms([["مصطفی", "پورمحمدی"], ["پورمحمدی"]])).toEqual([
      ["مصطفی", "پورمحمدی"],
      ["مصطفی", "پور", "محمدی"],
      ["پورمحمدی"],
      ["پور", "محمدی"],
    ]);
    expect(withNameForms([["حسین", "علی", "نیری"]])).toEqual([
      ["حسین", "علی", "نیری"],
      ["حسینعلی", "نیری"],
    ]);
    expect(withNameForms([["mostafa", "pourmohammadi"]])).toEqual([["mostafa", "pourmohammadi"]]);
  });
});

describe("joinedWords", () => {
  const z = "\u200C";
  test("each word written with a ZWNJ, joined, as often as it is written", () => {
    expect(joinedWords(`ما را با چشم${z}بند بردند؛ چشم${z}بند را برنداشتند.`)).toEqual(["چشمبند", "چشمبند"]);
    // Folded as the index is (Arabic-keyboard letters), whole runs, between punctuation.
    expect(joinedWords(`(هيچ${z}كس) و «کتاب${z}های${z}شان»`)).toEqual(["هیچکس", "کتابهایشان"]);
    // A word written joined or with a space, Latin text and numbers add nothing.
    expect(joinedWords("چشمبند و چشم بند")).toEqual([]);
    expect(joinedWords(`Evin${z}prison ۱۳۶۷${z}ها`)).toEqual([]);
    // An emoji (two code units) is a break like any symbol; a joiner alone joins nothing.
    expect(joinedWords(`الف😀چشم${z}بند ${z} ${z}ها`)).toEqual(["چشمبند"]);
  });

  test("a long text without spaces is read through (in linear time: quadratic work on 200,000 letters would outlast the test's time limit; no timing is asserted on a shared machine)", () => {
    const text = `${"ب".repeat(200_000)} چشم${z}بند`;
    expect(joinedWords(text)).toEqual(["چشمبند"]);
  });
});
