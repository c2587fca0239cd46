import { describe, expect, it } from "vitest";
import { normalizeLatin, normalizePersian, withoutPossessives } from "./normalize";

describe("normalizePersian", () => {
  it("folds Arabic yeh, alef maksura and kaf into the Persian letters", () => {
    expect(normalizePersian("رئيسي")).toBe("رییسی");
    expect(normalizePersian("اشراقى")).toBe("اشراقی");
    expect(normalizePersian("كرمانشاه")).toBe("کرمانشاه");
    expect(normalizePersian("علي")).toBe(normalizePersian("علی"));
  });

  it("folds teh marbuta and heh with yeh into heh", () => {
    expect(normalizePersian("فاطمة")).toBe("فاطمه");
    expect(normalizePersian("خانۀ")).toBe("خانه");
  });

  it("folds the alef forms into ا (آ too, for matching) and the hamza carriers", () => {
    expect(normalizePersian("آوایی")).toBe("اوایی");
    expect(normalizePersian("أحمد")).toBe("احمد");
    expect(normalizePersian("إبراهيم")).toBe("ابراهیم");
    expect(normalizePersian("مؤمن")).toBe("مومن");
    expect(normalizePersian("آوائی")).toBe(normalizePersian("آوایی"));
  });

  it("removes diacritics: harakat, tanwin, shadda, sukun, superscript alef", () => {
    expect(normalizePersian("مُحَمَّد")).toBe("محمد");
    expect(normalizePersian("نیّری")).toBe("نیری");
    expect(normalizePersian("حتماً")).toBe("حتما");
    expect(normalizePersian("مرْتضی")).toBe("مرتضی");
    expect(normalizePersian("رحمٰن")).toBe("رحمن");
  });

  it("removes tatweel", () => {
    expect(normalizePersian("نـــیری")).toBe("نیری");
  });

  it("treats ZWNJ, other zero-width characters and whitespace runs as one space", () => {
    expect(normalizePersian("خامنه\u200Cای")).toBe("خامنه ای");
    expect(normalizePersian("روح\u200Cالله")).toBe(normalizePersian("روح الله"));
    expect(normalizePersian("روح\u200Bالله")).toBe("روح الله");
    expect(normalizePersian("  حسینعلی \u200C  \t نیری\n")).toBe("حسینعلی نیری");
  });

  it("removes direction marks without splitting words", () => {
    expect(normalizePersian("نی\u200Fری")).toBe("نیری");
  });

  it("turns Persian and Arabic-Indic digits into ASCII", () => {
    expect(normalizePersian("۱۳۶۷")).toBe("1367");
    expect(normalizePersian("١٩٨٨")).toBe("1988");
    expect(normalizePersian("بند ۲۰۹")).toBe("بند 209");
  });

  it("unfolds Arabic presentation forms", () => {
    expect(normalizePersian("\uFEFB")).toBe("لا");
  });

  it("leaves Latin text alone apart from whitespace", () => {
    expect(normalizePersian("Hossein-Ali  Nayyeri")).toBe("Hossein-Ali Nayyeri");
  });
});

describe("normalizeLatin", () => {
  it("strips accents after NFKD and lower-cases", () => {
    expect(normalizeLatin("Raʾīsī")).toBe("raisi");
    expect(normalizeLatin("Ḥosseyn-ʿAlī")).toBe("hosseynali");
    expect(normalizeLatin("Âyatollâh Khomeynî")).toBe("ayatollah khomeyni");
    expect(normalizeLatin("Raïssi")).toBe("raissi");
    expect(normalizeLatin("MOṢṬAFĀ")).toBe("mostafa");
  });

  it("removes hyphens and apostrophes of every kind", () => {
    expect(normalizeLatin("Pour-Mohammadi")).toBe("pourmohammadi");
    expect(normalizeLatin("Ra'eesi")).toBe("raeesi");
    expect(normalizeLatin("Ra’isi")).toBe("raisi");
    expect(normalizeLatin("Shaʿbān")).toBe("shaban");
  });

  it("collapses whitespace", () => {
    expect(normalizeLatin("  Gohar   Dasht \t")).toBe("gohar dasht");
    expect(normalizeLatin("Gohar\u200CDasht")).toBe("gohar dasht");
  });

  it("folds letters that NFKD keeps", () => {
    expect(normalizeLatin("Strauß Łódź Ørsted")).toBe("strauss lodz orsted");
  });
});

describe("withoutPossessives", () => {
  it("drops an English possessive after a word, with any apostrophe, and nothing else", () => {
    expect(withoutPossessives("Khomeini's secret order")).toBe("Khomeini secret order");
    expect(withoutPossessives("Khomeini’s order; Raisi\u02BCs deputy, the 1980's")).toBe("Khomeini order; Raisi deputy, the 1980");
    // An apostrophe inside a name, or an s that starts a word, stays.
    expect(withoutPossessives("Ra'isi and Sa'sa'i, 'sample'")).toBe("Ra'isi and Sa'sa'i, 'sample'");
  });
});
