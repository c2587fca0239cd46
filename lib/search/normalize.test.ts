import { describe, expect, test } from "vitest";
import { normalizeLatin, normalizePersian } from "@/lib/names";
import { EXTRAS_BREAK, HYPHEN_WINDOW, hyphenParts, hyphenWindows, normalizeForSearch, normalizeWithMap, words } from "./normalize";
import { rng } from "@/tests/support/random";

// What normalizeWithMap says, written the plain way (normalize.ts's fold, code point by code point,
// the map with an entry for each code unit of the text):
// the reference its table walk is checked against, text and offset map both.
function referenceWithMap(s: string): { text: string; map: number[] } {
  const fold = (c: string) => {
    if (/[\s\u200B-\u200D\u2060\uFEFF]/u.test(c)) return " ";
    const f = normalizeLatin(normalizePersian(c)).replace(/\u03C2/g, "\u03C3");
    let out = "";
    for (const ch of f) out += /[\p{L}\p{N}]/u.test(ch) ? ch : " ";
    if (f === "" && !/[\p{M}\p{Cf}'\u2018\u2019\u02BB\u02BC\u02BE\u02BF`\u00B4\u2032\u0640\u2010\u2011-]/u.test(c)) out = " ";
    return out;
  };
  const parts: string[] = [];
  const map: number[] = [];
  let lastSpace = true;
  let i = 0;
  const cps = [...s];
  for (let k = 0; k < cps.length; k++) {
    const c = cps[k]!;
    // An English possessive closing a word: its apostrophe and s are dropped together.
    if (!lastSpace && /^['\u2019\u02BC]$/u.test(c) && /^s$/i.test(cps[k + 1] ?? "") && !/[\p{L}\p{N}]/u.test(cps[k + 2] ?? "")) {
      i += c.length + 1;
      k++;
      continue;
    }
    for (const ch of fold(c)) {
      if (ch === " ") {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      parts.push(ch);
      for (let u = 0; u < ch.length; u++) map.push(i); // one entry per code unit of the text
    }
    i += c.length;
  }
  if (lastSpace && parts.length) {
    parts.pop();
    map.pop();
  }
  map.push(s.length);
  return { text: parts.join(""), map };
}

describe("search normalisation", () => {
  test("Arabic-keyboard spellings, ZWNJ and digit forms read the same as Persian ones", () => {
    expect(normalizeForSearch("نيري")).toBe(normalizeForSearch("نیری"));
    expect(normalizeForSearch("كمیته")).toBe(normalizeForSearch("کمیته"));
    expect(normalizeForSearch("می‌خواهم")).toBe(normalizeForSearch("می خواهم"));
    expect(normalizeForSearch("۱۳۶۷")).toBe("1367");
    expect(normalizeForSearch("١٣٦٧")).toBe("1367");
  });

  test("Latin text folds case, accents, hyphens and apostrophes like the name matcher", () => {
    expect(normalizeForSearch("Pour-Mohammadi")).toBe("pourmohammadi");
    expect(normalizeForSearch("Raʾīsī, Ebrahim!")).toBe("raisi ebrahim");
    expect(words(`"NEAR (a* OR -b)"`)).toEqual(["near", "a", "or", "b"]);
  });

  test("an English possessive closing a word is dropped, apostrophe and s, as the name matcher drops it", () => {
    expect(normalizeForSearch("Nayyeri's commission")).toBe("nayyeri commission");
    expect(normalizeForSearch("Montazeri’s office; KHOMEINI'S order, Raisiʼs deputy")).toBe("montazeri office khomeini order raisi deputy");
    expect(normalizeForSearch("the 1980's, Evin's.")).toBe("the 1980 evin");
    expect(normalizeForSearch("Nayyeri's")).toBe(normalizeForSearch("Nayyeri"));
    // Not a possessive: an apostrophe inside a word, an s that starts one, a quotation, a plural's.
    expect(normalizeForSearch("Ra'isi Sa'sa'i 'sample' it'sx guards' list")).toBe("raisi sasai sample itsx guards list");
    expect(normalizeForSearch("'s alone, x 's")).toBe("s alone x s");
    // The possessive's letters have no place in the map: a highlight covers the name alone.
    const n = normalizeWithMap("Nayyeri's order");
    expect(n.text).toBe("nayyeri order");
    expect(n.map).toEqual([0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15]);
  });

  test("a word written with a hyphen stays whole in the text; its parts are given apart for the index", () => {
    expect(normalizeForSearch("the Nayyeri-led panel")).toBe("the nayyeriled panel");
    // The hyphen (U+2010) and the non-breaking hyphen (U+2011) join a word as the hyphen-minus does.
    expect(normalizeForSearch("Nayyeri\u2010led Pour\u2011Mohammadi")).toBe("nayyeriled pourmohammadi");
    expect(hyphenParts("the Nayyeri-led panel, on 1988‐07‑29 (so-called), Nayyeri's-men")).toEqual(["nayyeri led", "1988 07 29", "so called", "nayyeri men"]);
    // A soft hyphen, a dash between words, or a hyphen with nothing on one side is no word's hyphen.
    expect(hyphenParts("Nay\u00ADyeri — led - panel -x y-")).toEqual([]);
    expect(hyphenParts("حسین-علی")).toEqual(["حسین علی"]);
    // Doubled hyphens part a word once; a lone part is none; an astral letter is a letter (𝔸 folds to a).
    expect(hyphenParts("a--b -c- 𝔸-b")).toEqual(["a b", "a b"]);
  });

  test("a text of one very long word and a hyphen is read once, not once per letter", () => {
    // A field may hold 200,000 characters with no space (a pasted blob). A pattern retried at
    // every letter of it took seconds (about 0.9 s at 40,000, growing with the square); read
    // around each hyphen, it takes milliseconds, far inside the test's time limit.
    const blob = "a".repeat(200_000);
    expect(hyphenParts(`${blob} x-y`)).toEqual(["x y"]);
    expect(hyphenParts(`${blob}-y`)).toEqual([`${blob} y`]);
    expect(hyphenParts(`${"x-".repeat(50_000)}y`)).toHaveLength(1);
  });

  test("Greek final and lunate sigma read as σ, in any case", () => {
    expect(normalizeForSearch("λόγος ΛΌΓΟΣ λογοσ λογοϲ")).toBe("λογοσ λογοσ λογοσ λογοσ");
    expect(normalizeWithMap("λόγος").text).toBe("λογοσ");
  });

  test("every normalised character maps back to where it came from", () => {
    const s = "  Evin: آیت‌الله نيري — 1988 ";
    const n = normalizeWithMap(s);
    expect(n.map.length).toBe(n.text.length + 1);
    const at = n.text.indexOf("نیری");
    expect(s.slice(n.map[at], n.map[at + 3]! + 1)).toBe("نيري");
    expect(s.slice(n.map[n.text.indexOf("evin")], n.map[n.text.indexOf("evin") + 4])).toBe("Evin");
  });
});

describe("normalizeForSearch (the fast path used for indexing)", () => {
  test("equals the text of normalizeWithMap for mixed scripts, marks, surrogates and odd spacing", () => {
    const samples = [
      "",
      " ",
      "  Ḥossein-Ali  Nayyeri's \u200c نيّري ۱۳۶۷ ٠١٢ ﻻ ß 𝔸bc 😀 x\u0640y ك ي ة  ",
      "ساعت\u200Cها با چشم\u200Cبند در راهرو منتظر ماندیم.\nThe HALL, at night; \"quotes\" (NEAR) * -minus",
      "\ud800 lone \udc00 surrogates",
      "𠀀𠀁 x𠀂y 𝔸𝕓",
      "ÉVIN\tévin\u00A0Evin",
    ];
    for (const s of samples) {
      expect(normalizeForSearch(s)).toBe(normalizeWithMap(s).text);
      expect(normalizeWithMap(s)).toEqual(referenceWithMap(s));
    }
    expect(normalizeForSearch("  نيّري  ")).toBe("نیری");
  });

  test("equals normalizeWithMap on long Persian, Arabic and Latin text, expansions and every BMP character", () => {
    const pieces = [
      "نگهبانان شب آمدند و ما را به سالن بردند",
      "ساعت‌ها با چشم‌بند در راهرو منتظر ماندیم،",
      "هیچ‌کس به خانواده‌ها چیزی نگفت؛",
      "نيري كميته ة ۀ هٔ أ إ آ ؤ ئ ى",
      "في شهر مرداد ۱۳۶۷ و ١٣٦٧ و 1367",
      "ﷺ ﻻ ﷲ ﬁ ß Æ œ ﹰ ـــ",
      "ZWNJ\u200cZWJ\u200dBOM\ufeffWJ\u2060RLM\u200fLRE\u202a",
      "Pour-Mohammadi's Raʾīsī ÉVIN, Gohardasht (1988)!",
      "   \t\n  ",
      "😀 𝔸𝕓 \ud800 \udc00",
    ];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const long: string[] = [];
    for (let i = 0; i < 3000; i++) long.push(pieces[Math.floor(next() * pieces.length)]!);
    const samples = [long.join(" "), long.join(""), "ﷺ".repeat(20_000), "a".repeat(40_000), ...pieces];
    // Every BMP code unit, on its own and between letters.
    for (let c = 0; c < 0x10000; c += 256) {
      let s = "";
      for (let k = c; k < c + 256; k++) s += `x${String.fromCharCode(k)}`;
      samples.push(s);
    }
    for (const s of samples) {
      const n = normalizeWithMap(s);
      expect(normalizeForSearch(s)).toBe(n.text);
      // toEqual on megabyte strings and arrays reports slowly: compare, then say where they differ.
      const ref = referenceWithMap(s);
      expect(n.text === ref.text, "text").toBe(true);
      expect(n.map.length).toBe(ref.map.length);
      expect(n.map.findIndex((x, i) => x !== ref.map[i])).toBe(-1);
    }
    // Many megabytes through both normalisers: on a loaded machine this takes longer than the
    // unit tests' default 5 s, which says nothing about either function.
  }, 120_000);
});

describe("hyphenWindows (a hyphenated word's parts with their neighbours, for phrases)", () => {
  test("the parts apart between up to four of the text's words on either side", () => {
    expect(HYPHEN_WINDOW).toBe(4);
    expect(hyphenWindows("Then we were taken to Gohar-dasht prison in the summer of 1988.")).toEqual(["we were taken to gohar dasht prison in the summer"]);
    // At the text's edges, as many as there are; a date is a word with hyphens, and another
    // hyphenated word in a window is whole, as in the text.
    expect(hyphenWindows("Gohar-dasht, then on 1988‐07‑29 Evin")).toEqual(["gohar dasht then on 19880729 evin", "gohardasht then on 1988 07 29 evin"]);
    expect(hyphenWindows("Gohar-dasht")).toEqual(["gohar dasht"]);
    expect(hyphenWindows("no hyphen here - nor here")).toEqual([]);
    expect(hyphenWindows("a b c d e f g-h i j", 1)).toEqual(["f g h i"]);
    expect(hyphenWindows("a b-c d", 0)).toEqual(["b c"]);
  });

  test("the neighbours are the text's own normalised words: Arabic-keyboard letters, ZWNJ, possessives, punctuation", () => {
    // ك and ي are indexed as ک and ی; a ZWNJ parts a word as the text's normalised form parts it.
    expect(hyphenWindows("ما را به زندان گوهر-دشت در كرج بردند")).toEqual(["ما را به زندان گوهر دشت در کرج بردند"]);
    expect(hyphenWindows("آن‌ها را به گوهر-دشت بردند")).toEqual(["ان ها را به گوهر دشت بردند"]);
    expect(hyphenWindows("Nayyeri's (Gohar-dasht) prison's yard")).toEqual(["nayyeri gohar dasht prison yard"]);
  });

  test("neighbours longer than the first stretch read are found whole", () => {
    const long = "w".repeat(100);
    expect(hyphenWindows(`${long}1 ${long}2 ${long}3 ${long}4 ${long}5 x-y ${long}6 ${long}7 ${long}8 ${long}9 ${long}0`)).toEqual([
      `${long}2 ${long}3 ${long}4 ${long}5 x y ${long}6 ${long}7 ${long}8 ${long}9`,
    ]);
    const blob = "a".repeat(200_000);
    expect(hyphenWindows(`${blob} x-y ${blob}`)).toEqual([`${blob} x y ${blob}`]);
  });

  test("on generated texts, each window is the normalised text around the word, the word split", () => {
    const vocab = ["in", "Evin", "نيري", "آن‌ها", "ما", "(see", "note)", "1988,", "Nayyeri's", "—", "ﷲ", "x\u0640y", "𝔸b", "Ra'isi", "ساعت‌ها"];
    const hyphenated = ["Gohar-dasht", "1988-07-29", "Pour‑Mohammadi", "حسین-علی", "so-called's"];
    const next = rng(88);
    const pick = <T,>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
    for (let n = 0; n < 500; n++) {
      const tokens = Array.from({ length: Math.floor(next() * 30) }, () => (next() < 0.15 ? pick(hyphenated) : pick(vocab)));
      const text = tokens.join(next() < 0.5 ? " " : "\n");
      // The text's words, token by token, and where each hyphenated token's word stands among them.
      const all: string[] = [];
      const expected: string[] = [];
      const at: [number, string][] = [];
      for (const t of tokens) {
        if (hyphenated.includes(t)) at.push([all.length, hyphenParts(t)[0]!]);
        all.push(...words(t));
      }
      expect(all).toEqual(words(text));
      for (const [k, parts] of at) expected.push([...all.slice(Math.max(0, k - HYPHEN_WINDOW), k), parts, ...all.slice(k + 1, k + 1 + HYPHEN_WINDOW)].join(" "));
      expect(hyphenWindows(text), text).toEqual(expected);
    }
  });

  test("no text and no query is ever normalised to the extras' break token", () => {
    expect(EXTRAS_BREAK).toBe("\u0643");
    // normalizeForSearch folds each code point on its own (an English possessive only drops
    // characters), so no output holds the token when no code point's does.
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (normalizeForSearch(String.fromCodePoint(cp)).includes(EXTRAS_BREAK)) throw new Error(`U+${cp.toString(16)} folds to the break`);
    }
    expect(normalizeForSearch(`${EXTRAS_BREAK} \uFED9 \uFEDB`)).toBe("ک ک ک");
  }, 60_000);
});
