import { describe, expect, test } from "vitest";
import { LOCALES } from "./config";
import { messagesFor } from "./messages";

function keys(value: unknown, prefix = ""): string[] {
  if (!value || typeof value !== "object") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("interface text", () => {
  test("every message exists in every language", () => {
    const en = new Set(keys(messagesFor("en")));
    for (const locale of LOCALES) {
      const other = new Set(keys(messagesFor(locale)));
      expect([...en].filter((k) => !other.has(k)), `missing in ${locale}`).toEqual([]);
      expect([...other].filter((k) => !en.has(k)), `only in ${locale}`).toEqual([]);
    }
  });

  test("no message is empty", () => {
    for (const locale of LOCALES) {
      const empty = keys(messagesFor(locale)).filter((k) => {
        const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messagesFor(locale));
        return typeof v === "string" && v.trim() === "";
      });
      expect(empty, locale).toEqual([]);
    }
  });

  test("in Persian, a date written with Latin digits and hyphens is isolated, so it is not shown backwards", () => {
    // Beside Persian letters, Latin digits are read as Arabic-script numbers, and a hyphen does not
    // join those: "1988-07-19" in a Persian sentence shows as 19-07-1988 unless it is set apart
    // with the isolates U+2066 ... U+2069 (as the examples users copy into date fields are).
    const unisolated = keys(messagesFor("fa")).flatMap((k) => {
      const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messagesFor("fa"));
      if (typeof v !== "string") return [];
      const outside = v.replace(/\u2066[^\u2069]*\u2069/g, "");
      return /[0-9]+-[0-9]+/.test(outside) ? [`${k}: ${v}`] : [];
    });
    expect(unisolated).toEqual([]);
  });

  test("in Persian, a computer file is «فایل»: «پرونده» names a dossier (and a case or a witness's record), never an uploaded file", () => {
    // Both words were used for a file, and «پرونده» is also the dossiers' name in the menu: "drop
    // the پرونده here" beside "پرونده‌ها" (Dossiers) and "a پرونده of this package" in an
    // export's README left a Persian reader to guess which was meant.
    const en = messagesFor("en");
    const at = (m: unknown, k: string) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m);
    const clash = keys(messagesFor("fa")).filter((k) => {
      const fa = at(messagesFor("fa"), k);
      const english = at(en, k);
      return typeof fa === "string" && typeof english === "string" && fa.includes("پرونده") && /\bfiles?\b/i.test(english) && !/dossier|docket|\bcase\b/i.test(english);
    });
    expect(clash).toEqual([]);
    // The words for a file are the same everywhere: the file field, the upload and the import.
    expect(at(messagesFor("fa"), "common.chooseFile")).toBe("انتخاب فایل");
    expect(at(messagesFor("fa"), "exhibits.upload.file")).toBe(at(messagesFor("fa"), "import.fileLabel"));
  });

  test("in Persian, an entry of the archive is a «رکورد»; «سابقه» is kept for a source's track record", () => {
    // A dossier's items, the import's matches and the search filters called an entry «سابقه»
    // ("history, track record") while the errors and the audit called it «رکورد».
    const at = (k: string) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messagesFor("fa"));
    const used = keys(messagesFor("fa")).filter((k) => typeof at(k) === "string" && /سابقه|سوابق/.test(at(k) as string));
    expect(used.filter((k) => !k.startsWith("grading.") && k !== "sources.hints.reason")).toEqual([]);
    expect(at("dossiers.record")).toBe("رکورد");
    expect(at("import.record")).toBe("رکورد");
  });

  test("in Persian, a statement's revision is a «نسخه», as on the statement's page; «ویرایش» is an edit (the Edit button)", () => {
    // The review panel, the history and the dossier said «ویرایش ۲» for revision 2, the statement
    // page «نسخه ۲», and «ویرایش» is also the Edit button beside them.
    const fa = messagesFor("fa");
    const at = (m: unknown, k: string) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m);
    const numbered = keys(fa).filter((k) => typeof at(fa, k) === "string" && /ویرایش\s*\{|ویرایش (?:کنونی|پیشین)|ویرایشی پیشین|(?:این|همین) ویرایش/.test(at(fa, k) as string));
    expect(numbered).toEqual([]);
    expect(at(fa, "history.fields.revision")).toBe("نسخه");
    expect(at(fa, "statements.edit")).toContain("ویرایش");
  });

  test("in Persian, a list of Latin names in brackets is isolated, so its words, brackets and the text after it keep their order", () => {
    // "(MP4، WebM، QuickTime)، PDF، تصویر": the Arabic commas between Latin words, and the bracket
    // and comma between "QuickTime" and "PDF", take the Latin words' direction, so the list and the
    // next Latin word ran together backwards across the Persian, worst where a line wrapped.
    // Within U+2066 ... U+2069 such a list is one left-to-right unit in the Persian sentence.
    const unisolated = keys(messagesFor("fa")).flatMap((k) => {
      const v = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messagesFor("fa"));
      if (typeof v !== "string") return [];
      const outside = v.replace(/\u2066[^\u2069]*\u2069/g, "");
      const lists = [...outside.matchAll(/\(([^(){}]*)\)/g)].filter(([, inner]) => /[A-Za-z]/.test(inner!) && /[،,]/.test(inner!) && !/[\u0621-\u064A\u067E-\u06D3]/.test(inner!));
      return lists.length ? [`${k}: ${lists.map((l) => l[0]).join(" ")}`] : [];
    });
    expect(unisolated).toEqual([]);
  });

  test("in Persian, taking a statement for review and taking an item out of a dossier are different words, and neither is «برداشتن», which no message uses", () => {
    // Both were «برداشتن» ("pick up / remove"): a reviewer's button in the queue and a legal
    // team's button in a dossier read the same. Each action's words (its button, its label, the
    // states and history entries that name it) share no word with the other's, apart from
    // prepositions and auxiliaries, and each label names what it acts on.
    const at = (key: string) => key.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messagesFor("fa")) as string;
    const take = ["review.take", "review.takeLabel", "review.states.SUBMITTED", "review.explain.SUBMITTED", "history.actions.review_take"];
    const remove = ["dossiers.remove", "dossiers.removeLabel", "dossiers.history.actions.dossier_item_remove", "history.actions.dossier_item_remove"];
    const glue = new Set(["از", "به", "برای", "که", "را", "شد", "آن", "در"]);
    const words = (ks: string[]) => new Set(ks.flatMap((k) => at(k).replace(/\{[^}]*\}/g, " ").split(/[\s«»:.،؛()]+/u)).filter((w) => w !== "" && !glue.has(w)));
    const takeWords = words(take);
    expect([...words(remove)].filter((w) => takeWords.has(w))).toEqual([]);
    expect(at("review.take")).not.toBe(at("dossiers.remove"));
    expect(at("review.takeLabel")).toContain("بازبینی");
    expect(at("dossiers.removeLabel")).toContain("پرونده");
    // Nor does «برداشتن» come back with a third meaning (clearing a field is «پاک کردن»): no
    // Persian message uses the verb in any form (برداشتن, برداشته, بردارید, برمی‌دارد, برندارید …).
    const pickUp = /^بر(?:ن?می\u200c)?ن?(?:دار|داشت)/u;
    const uses = keys(messagesFor("fa")).filter((k) => [...words([k])].some((w) => pickUp.test(w)));
    expect(uses).toEqual([]);
  });
});
