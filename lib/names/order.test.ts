import { describe, expect, it } from "vitest";
import { persianSortKey, readerOrder, sortForReader } from "./order";

// One fictional first name for each letter of the Persian alphabet, in the alphabet's order
// (ا آ ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی), written here by hand.
// آ is read as ا (its second letter decides: احمد before آرش before اکبر).
const IN_ORDER = [
  "احمد", "آرش", "اکبر", "بهرام", "پروین", "تقی", "ثریا", "جواد", "چنگیز", "حسن", "خلیل", "داوود", "ذبیح", "رضا", "زهرا",
  "ژاله", "سعید", "شهلا", "صادق", "ضیا", "طاهره", "ظریف", "عباس", "غلامرضا", "فاطمه", "قاسم", "کاظم", "گلی", "لیلا",
  "مریم", "ناصر", "وحید", "هادی", "یوسف",
];

const person = (nameFa: string, name = `Latin ${nameFa}`, id = nameFa) => ({ id, name, nameFa });
const order = (names: { nameFa: string }[]) => names.map((n) => n.nameFa);
/** A fixed shuffle (reversed, then every other one first), so no test starts from a sorted list. */
const shuffled = <T,>(xs: T[]) => {
  const r = [...xs].reverse();
  return [...r.filter((_, i) => i % 2 === 0), ...r.filter((_, i) => i % 2 === 1)];
};

describe("readerOrder on a Persian page", () => {
  it("orders Persian names in the order of the Persian alphabet, not by code point", () => {
    expect(order(sortForReader(shuffled(IN_ORDER.map((n) => person(n))), "fa"))).toEqual(IN_ORDER);
    // Code-point order puts پ چ ژ ک گ ی after every letter of the Arabic block.
    expect([...IN_ORDER].sort()).not.toEqual(IN_ORDER);
  });

  it("reads Arabic-keyboard ي and ك, diacritics and tatweel as the Persian letters they stand for", () => {
    const arabic = ["كاظم", "يوسف", "مُحَمَّد", "عـــباس"].map((n) => person(n));
    const sorted = order(sortForReader([...shuffled(IN_ORDER.map((n) => person(n))), ...arabic], "fa"));
    // Each stands where its Persian spelling does: كاظم next to کاظم, يوسف next to یوسف.
    expect(sorted.slice(sorted.indexOf("قاسم"), sorted.indexOf("قاسم") + 4).sort()).toEqual(["قاسم", "كاظم", "کاظم", "گلی"].sort());
    expect(sorted.slice(-2).sort()).toEqual(["يوسف", "یوسف"].sort());
    expect(sorted.indexOf("مُحَمَّد")).toBe(sorted.indexOf("لیلا") + 1);
    expect(sorted.indexOf("عـــباس")).toBeLessThan(sorted.indexOf("غلامرضا"));
    expect(persianSortKey("كاظم")).toBe(persianSortKey("کاظم"));
    expect(persianSortKey("علي")).toBe(persianSortKey("علی"));
    expect(persianSortKey("مُحَمَّد")).toBe(persianSortKey("محمد"));
  });

  it("reads a name word by word: every «علی …» before «علیرضا …», a space before any letter", () => {
    const names = ["علیرضا آوایی", "علی مبشری", "علی‌اکبر نوری", "علی خامنه‌ای", "علی"];
    expect(order(sortForReader(names.map((n) => person(n)), "fa"))).toEqual(["علی", "علی خامنه‌ای", "علی مبشری", "علی‌اکبر نوری", "علیرضا آوایی"]);
  });

  it("reads a ZWNJ as joining its word: written with one or joined, a name stands in the same place", () => {
    expect(persianSortKey("پور\u200Cمحمدی")).toBe(persianSortKey("پورمحمدی"));
    expect(persianSortKey("خامنه\u200Cای")).toBe(persianSortKey("خامنهای"));
    for (const spelling of ["پور\u200Cمحمدی", "پورمحمدی"]) {
      expect(order(sortForReader([person(spelling), person("پوران"), person("پوریا")], "fa"))).toEqual(["پوران", spelling, "پوریا"]);
    }
    // Punctuation and spaces at the ends count for nothing.
    expect(persianSortKey(" علی . ")).toBe(persianSortKey("علی"));
  });

  it("puts records without a Persian name after the Persian-named ones, in Latin order", () => {
    const records = [
      { id: "1", name: "Zand", nameFa: "" },
      person("یوسف"),
      { id: "2", name: "abbasi", nameFa: "" },
      person("احمد"),
      { id: "3", name: "Mahdavi", nameFa: "" },
    ];
    expect(sortForReader(records, "fa").map((r) => r.nameFa || r.name)).toEqual(["احمد", "یوسف", "abbasi", "Mahdavi", "Zand"]);
  });

  it("breaks a tie by the Latin name, then the id", () => {
    const a = { id: "b", name: "Ali Karimi", nameFa: "علی کریمی" };
    const b = { id: "a", name: "Ali Karimi", nameFa: "علي كريمي" };
    const c = { id: "c", name: "Aali Karimi", nameFa: "علی کریمی" };
    expect(sortForReader([a, b, c], "fa").map((r) => r.id)).toEqual(["c", "a", "b"]);
    expect(readerOrder("fa")(a, a)).toBe(0);
  });
});

describe("readerOrder elsewhere", () => {
  it("orders by the Latin name, case and accents aside, whatever the Persian name", () => {
    const records = [
      { id: "1", name: "zahra", nameFa: "احمد" },
      { id: "2", name: "Ébrahim", nameFa: "یوسف" },
      { id: "3", name: "Davoud", nameFa: "" },
    ];
    expect(sortForReader(records, "en").map((r) => r.name)).toEqual(["Davoud", "Ébrahim", "zahra"]);
  });
});

describe("persianSortKey", () => {
  it("puts digits before letters and Latin letters after the Persian ones", () => {
    const names = ["بند B", "بند الف", "بند ۳", "بند 2"];
    expect(order(sortForReader(names.map((n) => person(n)), "fa"))).toEqual(["بند 2", "بند ۳", "بند الف", "بند B"]);
  });
});
