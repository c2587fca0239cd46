import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type AbstractIntlMessages, createTranslator } from "next-intl";
import { describe, expect, test } from "vitest";
import en from "@/messages/en.json";
import fa from "@/messages/fa.json";
import { actionLabel, recordHref, recordTypeLabel } from "./audit-labels";

// The words the audit page and a record's history give an event, and the link to its record.
// The translators are next-intl's own over the real messages, as the pages get them.

const root = fileURLToPath(new URL("../..", import.meta.url));
// Typed as the pages' translators are (any key), so that a key with no words can be asked for.
type Translate = Parameters<typeof actionLabel>[0];
const translators = (locale: "en" | "fa", messages: AbstractIntlMessages) => ({
  all: createTranslator({ locale, messages }) as unknown as Translate,
  history: createTranslator({ locale, messages, namespace: "history" }) as unknown as Translate,
});

// Every record type the log names that has a page of its own, with that page's folder.
const WITH_PAGES = {
  Statement: "statements",
  Witness: "witnesses",
  Person: "persons",
  Organisation: "organisations",
  Place: "places",
  Event: "events",
  Proceeding: "proceedings",
  Source: "sources",
  Dossier: "dossiers",
  Exhibit: "exhibits",
} as const;

describe("recordHref", () => {
  test.each(Object.entries(WITH_PAGES))("%s: opens on its own page, and that page exists", (type, folder) => {
    const action = `${type.toLowerCase()}.update`;
    expect(recordHref(type, "cm0abc_12-X", action)).toBe(`/${folder}/cm0abc_12-X`);
    expect(existsSync(`${root}app/(app)/${folder}/[id]/page.tsx`), folder).toBe(true);
  });

  test("an event that deleted its record links nowhere; one that removed a part of it still links the record", () => {
    expect(recordHref("Dossier", "d1", "dossier.delete")).toBeNull();
    expect(recordHref("Statement", "s1", "statement.delete")).toBeNull();
    expect(recordHref("Person", "p1", "person.delete")).toBeNull();
    // An item taken out of a dossier: the dossier is still there.
    expect(recordHref("Dossier", "d1", "dossier.item.remove")).toBe("/dossiers/d1");
    // Only the action's last part counts: "delete" elsewhere in it is not a deletion.
    expect(recordHref("Statement", "s1", "statement.delete_request.create")).toBe("/statements/s1");
  });

  test("a record type without a page, or an unknown one, links nowhere", () => {
    for (const type of ["Link", "Claim", "User", "ApiToken", "AuditLog", "BackupRecord", "Instance", "List", "ImportTemplate", "T", "", "statement"]) {
      expect(recordHref(type, "r1", "x.update"), type).toBeNull();
    }
    // Names an object has of its own are no record types.
    for (const type of ["constructor", "toString", "__proto__", "hasOwnProperty"]) expect(recordHref(type, "r1", "x.update"), type).toBeNull();
  });

  test("an id that is not one (empty, too long, with a slash or a dot) links nowhere", () => {
    for (const id of ["", "a".repeat(65), "../admin", "a/b", "a.b", "a b", "s1?x=1", "s1#top"]) expect(recordHref("Statement", id, "statement.update"), id).toBeNull();
    expect(recordHref("Statement", "a".repeat(64), "statement.update")).toBe(`/statements/${"a".repeat(64)}`);
  });
});

describe("actionLabel and recordTypeLabel", () => {
  test("a known code reads as its words in the reader's language", () => {
    const e = translators("en", en);
    const f = translators("fa", fa);
    expect(actionLabel(e.history, "statement.create")).toBe(en.history.actions.statement_create);
    expect(actionLabel(f.history, "statement.create")).toBe(fa.history.actions.statement_create);
    expect(actionLabel(e.history, "statement.create")).not.toBe(actionLabel(f.history, "statement.create"));
    // Every dot is a word break in the key: review.decide → review_decide.
    expect(actionLabel(e.history, "review.decide")).toBe(en.history.actions.review_decide);
    expect(recordTypeLabel(e.all, "Exhibit")).toBe(en.audit.recordTypes.Exhibit);
    expect(recordTypeLabel(f.all, "Exhibit")).toBe(fa.audit.recordTypes.Exhibit);
  });

  test("a code without words is shown as it is, in either language", () => {
    for (const [locale, messages] of [["en", en], ["fa", fa]] as const) {
      const t = translators(locale, messages);
      expect(actionLabel(t.history, "x.y")).toBe("x.y");
      expect(actionLabel(t.history, "statement")).toBe("statement");
      expect(actionLabel(t.history, "")).toBe("");
      expect(recordTypeLabel(t.all, "T")).toBe("T");
      expect(recordTypeLabel(t.all, "")).toBe("");
      // A path into the messages that is a group of words, not words, is no label either.
      expect(recordTypeLabel(t.all, "Statement.x")).toBe("Statement.x");
    }
  });
});
