import { describe, expect, test } from "vitest";
import { EXTRAS_BREAK, FIELD_SEPARATOR, normalizeForSearch, normalizeWithMap, normBodyOf, wordStart } from "./normalize";
import { rng } from "@/tests/support/random";
import { CUT_AFTER, CUT_BEFORE, directionOf, FIELD_BREAK, firstWordIndex, markTerms, partsToHtml, snippet, snippetFields } from "./snippet";

const fa = "این متن ساختگی است. نگهبانان شب آمدند و ما را به سالن بردند؛ هم‌سلولی من را صدا زدند. ".repeat(8);
const bodies = [
  `${fa} آنجا نيّري حکم را خواند و ${fa}`,
  `This text is fictional. ${"We waited for hours in the corridor. ".repeat(12)}Then Nayyeri's clerk read the list at Évin.${" Nobody told our families.".repeat(10)}`,
  "Nayyeri at the very start, then nothing else.",
  `${"x".repeat(400)} nayyeri`,
  "no match here at all",
];
const terms = new Set(["نیری", "nayyeri", "evin", "clerk"]);

describe("snippets from the stored normalised body", () => {
  test("wordStart finds where each normalised word begins in the original", () => {
    const odd = ["  ﷺ ﻻ x\u0640y ß 😀 \ud800 lone \udc00 ZWNJ\u200cZWJ\u200d نيّري ۱۳۶۷ Raʾīsī ", "\u064Eaccent"];
    for (const b of [...bodies, ...odd]) {
      const { text, map } = normalizeWithMap(b);
      let at = 0;
      text.split(" ").forEach((w, k) => {
        expect(wordStart(b, k)).toBe(map[at]);
        at += w.length + 1;
      });
      expect(wordStart(b, text.split(" ").length)).toBe(-1);
    }
    // Astral letters (two code units each) and emoji (a word break).
    expect([0, 1, 2, 3, 4].map((k) => wordStart("𠀀 x𠀂y 😀ab\u200c𝔸", k))).toEqual([0, 3, 10, 13, -1]);
  });

  test("a word written with U+FEFF inside stays one word in the snippet: marked across it, the character kept", () => {
    const body = `${"این متن ساختگی است و هیچ واژه‌ای از آن پیدا نمی‌شود. ".repeat(6)}ما را با چشم\uFEFFبند بردند.`;
    const parts = snippet(body, new Set(["چشمبند"]), normalizeForSearch(body));
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["چشم", "بند"]);
    expect(parts.map((p) => p.text).join("")).toContain("چشم\uFEFFبند");
    // A window that would end at the joiner ends at the space before the word instead.
    const long = `${"واژه ".repeat(46)}چشم\uFEFFبندهایشانرا ${"دیگر ".repeat(20)}`;
    const cut = snippet(long, new Set(["واژه"]), normalizeForSearch(long)).map((p) => p.text).join("");
    expect(cut).toMatch(/واژه …$/);
  });

  test("a word after astral letters is marked exactly (the offset map counts code units)", () => {
    const text = "𝔸𝔹 note: Nayyeri read 𠀀𠀂 the list";
    const { parts } = markTerms(text, new Set(["nayyeri", "list"]));
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["Nayyeri", "list"]);
    expect(parts.map((p) => p.text).join("")).toBe(text);
    const astral = markTerms("x 𠀀𠀂 y 𠀂z", new Set(["𠀀𠀂", "𠀂z"])).parts.filter((p) => p.mark);
    expect(astral.map((p) => p.text)).toEqual(["𠀀𠀂", "𠀂z"]);
  });

  test("the same parts as cutting from the whole body", () => {
    for (const b of bodies) expect(snippet(b, terms, normalizeForSearch(b))).toEqual(snippet(b, terms));
    const marked = snippet(bodies[0]!, terms, normalizeForSearch(bodies[0]!)).filter((p) => p.mark);
    expect(marked.map((p) => p.text)).toEqual(["نيّري"]);
  });
});

describe("helpers written for speed say what the plain definitions say", () => {
  // A seeded draw of normalised texts over a small vocabulary, so that words overlap as prefixes
  // and suffixes of each other ("nayeri" in "nayerian", "in" in "evin").
  const vocab = ["in", "evin", "nayeri", "nayerian", "ri", "نیری", "نیریان", "ما", "را", "1367", "a", "evinin"];
  const next = rng(12345);
  const pick = <T,>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;

  test("firstWordIndex is the index of the first word in the set", () => {
    for (let n = 0; n < 3000; n++) {
      const norm = Array.from({ length: Math.floor(next() * 12) }, () => pick(vocab)).join(" ");
      const terms = new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(vocab)));
      expect(firstWordIndex(norm, terms), `${norm} / ${[...terms]}`).toBe(norm ? norm.split(" ").findIndex((w) => terms.has(w)) : -1);
    }
  });

  test("firstWordIndex does not count the breaks between fields", () => {
    for (let n = 0; n < 3000; n++) {
      const fields = Array.from({ length: 1 + Math.floor(next() * 4) }, () => Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(vocab)).join(" "));
      const terms = new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(vocab)));
      const words = fields.join(" ").split(" ");
      expect(firstWordIndex(normBodyOf(fields.join(`\n${FIELD_SEPARATOR}`)), terms), `${fields.join(" | ")} / ${[...terms]}`).toBe(words.findIndex((w) => terms.has(w)));
    }
  });

  test("directionOf counts Arabic-script and Latin letters", () => {
    const chars = ["a", "Z", "é", "ŉ", "ɏ", "ɐ", "ا", "ی", "ﺏ", "ﷲ", "1", " ", "—", "ж", "א"];
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: Math.floor(next() * 10) }, () => pick(chars)).join("");
      const rtl = (text.match(/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g) ?? []).length;
      const ltr = (text.match(/[A-Za-z\u00C0-\u024F]/g) ?? []).length;
      expect(directionOf(text), text).toBe(rtl === 0 && ltr === 0 ? "auto" : rtl >= ltr ? "rtl" : "ltr");
    }
  });
});

describe("a text of several fields", () => {
  // A statement's original text, its translation and its summary, as index-record.ts writes them.
  const fields = ["Fictional original text that ends at Evin", "ترجمهٔ ساختگی: ما را به اوین بردند", "The summary names Gohardasht"];
  const body = fields.join(`\n${FIELD_SEPARATOR}`);

  test("its normalised form has a break between two fields, and nowhere else", () => {
    expect(normBodyOf(body)).toBe(fields.map(normalizeForSearch).join(` ${EXTRAS_BREAK} `));
    expect(normBodyOf(fields[0]!)).toBe(normalizeForSearch(fields[0]!));
    expect(normBodyOf(`${FIELD_SEPARATOR}  ${FIELD_SEPARATOR}Alone`)).toBe("alone");
  });

  test("a word in a later field is marked where it stands, as without the breaks", () => {
    for (const w of ["gohardasht", "اوین", "evin"]) {
      const parts = snippet(body, new Set([w]), normBodyOf(body));
      expect(parts, w).toEqual(snippet(body, new Set([w])));
      expect(parts.filter((p) => p.mark).length, w).toBe(1);
    }
    // Shown as one run of text: the separator is a space like the line break.
    expect(snippet(body, new Set(["gohardasht"]), normBodyOf(body)).map((p) => p.text).join("")).not.toContain(FIELD_SEPARATOR);
  });
});

describe("phrases are marked only where their words follow one another", () => {
  test("a phrase's common words are not lit up elsewhere; single words are marked wherever they stand", () => {
    const text = "In 1988 we were in Evin, in a cell; Evin again in 1989.";
    const marked = (h: Parameters<typeof markTerms>[1]) => markTerms(text, h).parts.filter((p) => p.mark).map((p) => p.text);
    expect(marked({ words: new Set(), phrases: [["in", "evin"]] })).toEqual(["in", "Evin"]);
    expect(marked({ words: new Set(["1989"]), phrases: [["in", "evin"]] })).toEqual(["in", "Evin", "1989"]);
    // A plain set is words only, as before.
    expect(marked(new Set(["in", "evin"]))).toEqual(["In", "in", "Evin", "in", "Evin", "in"]);
  });

  test("the snippet's window starts at the first place the phrase stands, not at its first word alone", () => {
    const body = `${"in the morning ".repeat(30)}they said we were in Evin for months.`;
    const parts = snippet(body, { words: new Set(), phrases: [["in", "evin"]] }, normalizeForSearch(body));
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["in", "Evin"]);
  });
});

describe("words written with a ZWNJ", () => {
  const z = "\u200C";
  test("are marked, both parts, for the word joined; not when the parts stand apart", () => {
    const text = `ما را با چشم${z}بند بردند. چشم بند نبود. هم${z}سلولی${z}ام آمد.`;
    const marked = (words: string[]) => markTerms(text, new Set(words)).parts.filter((p) => p.mark).map((p) => p.text);
    expect(marked(["چشمبند"])).toEqual(["چشم", "بند"]);
    // A run of three parts: the whole, or the first two.
    expect(marked(["همسلولیام"])).toEqual(["هم", "سلولی", "ام"]);
    expect(marked(["همسلولی"])).toEqual(["هم", "سلولی"]);
    expect(marked(["سلولیام"])).toEqual(["سلولی", "ام"]);
    expect(marked(["بندبردند"])).toEqual([]);
  });

  test("no word as it stands: the window is where cutting from the whole body puts it (random texts with joiners)", () => {
    // Parts that join into the highlighted words, with ZWNJ, U+FEFF, U+200B, diacritics and
    // tatweel between them, spaces, punctuation, Arabic-keyboard letters and Latin.
    const pieces = ["چشم", "بند", "هم", "سلولی", "ام", "كتاب", "ها", "evin", "\u064E", "\u0640"];
    const gaps = [z, z, z, "\uFEFF", "\u200B", " ", " ", "، ", "\n", z + "\u064E"];
    const highlights = [["چشمبند"], ["همسلولیام"], ["همسلولیام", "سلولیام"], ["کتابها"], ["evinها"], ["چشمبند", "بندهم"]];
    const next = rng(4242);
    const pick = <T,>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
    for (let n = 0; n < 2000; n++) {
      let body = "";
      for (let i = 0, len = 1 + Math.floor(next() * 120); i < len; i++) body += pick(pieces) + pick(gaps);
      const h = { words: new Set(pick(highlights)), phrases: [] };
      expect(snippet(body, h, normalizeForSearch(body)), body).toEqual(snippet(body, h));
    }
  });

  test("the snippet's window is found around such a word even far into the text", () => {
    const body = `${"این متن ساختگی است. ".repeat(40)}ما را با چشم${z}بند بردند.`;
    const parts = snippet(body, new Set(["چشمبند"]), normalizeForSearch(body));
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(["چشم", "بند"]);
    expect(parts).toEqual(snippet(body, new Set(["چشمبند"])));
  });
});

describe("a registry record's fields", () => {
  test("are kept apart by the field break in its snippet; a statement's lines just flow", () => {
    const body = "Criminal trial\nدادرسی کیفری\nSweden\n  Stockholm District Court";
    const h = new Set(["دادرسی", "کیفری"]);
    const kept = snippet(body, h, normalizeForSearch(body), { fieldBreak: " · " });
    expect(kept.map((p) => p.text).join("")).toBe("Criminal trial · دادرسی کیفری · Sweden · Stockholm District Court");
    expect(kept.filter((p) => p.mark).map((p) => p.text)).toEqual(["دادرسی", "کیفری"]);
    expect(snippet(body, h, normalizeForSearch(body)).map((p) => p.text).join("")).toBe("Criminal trial دادرسی کیفری Sweden Stockholm District Court");
    // A window that starts or ends at a field's edge carries no break there, only its "…".
    const long = `${"word ".repeat(80)}\nفیلد دیگر\nmatch here\n${"more ".repeat(80)}`;
    const cut = snippet(long, new Set(["match"]), normalizeForSearch(long), { fieldBreak: " · " }).map((p) => p.text).join("");
    expect(cut).toMatch(/^… /);
    expect(cut).toContain("فیلد دیگر · match here · more");
    expect(cut).not.toMatch(/^… ·|· …$/);
  });

  test("are cut apart again for the page, each field's marks kept whole", () => {
    const body = "Hossein-Ali Nayyeri\nحسینعلی نیری\nMember of the Tehran commission\nعضو هیئت تهران، که به «هیئت مرگ» شناخته می‌شود.";
    const parts = snippet(body, new Set(["نیری", "nayyeri"]), normalizeForSearch(body), { fieldBreak: FIELD_BREAK });
    const { cutBefore, fields, cutAfter } = snippetFields(parts);
    expect([cutBefore, cutAfter]).toEqual([false, false]);
    expect(fields.map((f) => f.map((p) => p.text).join(""))).toEqual([
      "Hossein-Ali Nayyeri",
      "حسینعلی نیری",
      "Member of the Tehran commission",
      "عضو هیئت تهران، که به «هیئت مرگ» شناخته می‌شود.",
    ]);
    expect(fields.map((f) => f.filter((p) => p.mark).map((p) => p.text))).toEqual([["Nayyeri"], ["نیری"], [], []]);
    // Joined again they are the snippet, break for break.
    expect(fields.map((f) => f.map((p) => p.text).join("")).join(FIELD_BREAK)).toBe(parts.map((p) => p.text).join(""));
    // A break at a part's edge, or two in a row, leaves no empty field; a mark is never cut.
    expect(snippetFields([{ text: "a · ", mark: false }, { text: "b · c", mark: true }, { text: " ·  · d", mark: false }]).fields).toEqual([
      [{ text: "a", mark: false }],
      [{ text: "b · c", mark: true }],
      [{ text: "d", mark: false }],
    ]);
  });

  test("a window cut short keeps its … out of the first and last fields", () => {
    // The window starts inside the Persian field and ends inside the English one after it.
    const body = `${"Filler field of an earlier position.\n".repeat(4)}نمایندهٔ وزارت اطلاعات در زندان اوین که بسیار طولانی نوشته شده است تا پنجره از میانه‌اش آغاز شود\nRepresentative in Evin Prison\n${"A later field that runs on for a while. ".repeat(8)}`;
    const parts = snippet(body, new Set(["evin"]), normalizeForSearch(body), { fieldBreak: FIELD_BREAK });
    const { cutBefore, fields, cutAfter } = snippetFields(parts);
    expect([cutBefore, cutAfter]).toEqual([true, true]);
    const texts = fields.map((f) => f.map((p) => p.text).join(""));
    expect(texts[0]).not.toContain("…");
    expect(texts[texts.length - 1]).not.toContain("…");
    expect(texts).toContain("Representative in Evin Prison");
    // With the cuts put back, the snippet as it was.
    expect(`${CUT_BEFORE}${texts.join(FIELD_BREAK)}${CUT_AFTER}`).toBe(parts.map((p) => p.text).join(""));
    // Not cut: no "…" taken away.
    expect(snippetFields([{ text: "a", mark: false }])).toEqual({ cutBefore: false, fields: [[{ text: "a", mark: false }]], cutAfter: false });
  });
});

describe("parts of a word written with a hyphen", () => {
  test("a part is marked on its own, and a match far into the text is where the snippet starts", () => {
    expect(markTerms("the Nayyeri-led, Pour‑Mohammadi-run panel", new Set(["nayyeri", "run"])).parts).toEqual([
      { text: "the ", mark: false },
      { text: "Nayyeri", mark: true },
      { text: "-led, Pour‑Mohammadi-", mark: false },
      { text: "run", mark: true },
      { text: " panel", mark: false },
    ]);
    const body = `A fictional text. ${"Nothing of note. ".repeat(20)}Then the Eshraqi-run hearing began.`;
    expect(partsToHtml(snippet(body, new Set(["eshraqi"]), normalizeForSearch(body)))).toContain("<mark>Eshraqi</mark>-run hearing");
    expect(partsToHtml(snippet(body, new Set(["eshraqi"])))).toContain("<mark>Eshraqi</mark>-run hearing");
  });
});

describe("a phrase with a part of a hyphenated word and its neighbours", () => {
  const marks = (parts: { text: string; mark: boolean }[]) => parts.filter((p) => p.mark).map((p) => p.text);
  const phrase = (...ps: string[]) => ({ words: new Set<string>(), phrases: ps.map((p) => p.split(" ")) });

  test("marks the part and the neighbours, on either side, in the text as written, and nothing for a phrase the text does not hold", () => {
    const text = "We were taken to Gohar-dasht prison in 1988.";
    expect(markTerms(text, phrase("dasht prison")).parts).toEqual([
      { text: "We were taken to Gohar-", mark: false },
      { text: "dasht", mark: true },
      { text: " ", mark: false },
      { text: "prison", mark: true },
      { text: " in 1988.", mark: false },
    ]);
    expect(marks(markTerms(text, phrase("taken to gohar")).parts)).toEqual(["taken", "to", "Gohar"]);
    // Both parts in the phrase: the word is marked whole.
    expect(marks(markTerms(text, phrase("gohar dasht prison")).parts)).toEqual(["Gohar-dasht", "prison"]);
    // A date's parts: "07 29" in 1988-07-29.
    expect(marks(markTerms("on 1988-07-29 they came", phrase("07 29")).parts)).toEqual(["07-29"]);
    expect(marks(markTerms("on 1988-07-29 they came", phrase("29 they came")).parts)).toEqual(["29", "they", "came"]);
    // Persian, with an Arabic-keyboard letter in the text: the neighbour is found normalised.
    expect(marks(markTerms("ما را به زندان گوهر-دشت در كرج بردند", phrase("دشت در کرج")).parts)).toEqual(["دشت", "در", "كرج"]);
    // Nothing for a phrase the text does not hold.
    for (const p of ["prison gohar", "dasht to", "gohar prison", "to dasht", "taken gohar"]) expect(marks(markTerms(text, phrase(p)).parts), p).toEqual([]);
    expect(marks(markTerms("Gohar-dasht, Evin-abad", phrase("dasht evin")).parts)).toEqual([]);
  });

  test("the snippet starts at such a match far into the text", () => {
    const body = `A fictional text. ${"Nothing of note happened that day. ".repeat(20)}Then we were taken to Gohar-dasht prison.`;
    const parts = snippet(body, phrase("dasht prison"), normalizeForSearch(body));
    expect(partsToHtml(parts)).toContain("taken to Gohar-<mark>dasht</mark> <mark>prison</mark>.");
    expect(parts).toEqual(snippet(body, phrase("dasht prison")));
    const fa = `${"این متن ساختگی است و هیچ واژه‌ای از آن پیدا نمی‌شود. ".repeat(8)}ما را به گوهر-دشت بردند.`;
    expect(marks(snippet(fa, phrase("به گوهر"), normalizeForSearch(fa)))).toEqual(["به", "گوهر"]);
  });
});
