import { describe, expect, it } from "vitest";
import { dateKind, diffPayloads } from "./record-history";

describe("a record's history, field by field", () => {
  it("leaves out fields a record was created without (missing, null, empty text or an empty list)", () => {
    const changes = diffPayloads(undefined, { title: "Prisons locked down", summary: "", aliases: [], dateEnd: null, places: ["Evin"] });
    expect(changes).toEqual([
      { field: "title", before: undefined, after: "Prisons locked down", kind: "added" },
      { field: "places", before: undefined, after: ["Evin"], kind: "added" },
    ]);
  });

  it("leaves out a field that goes from one kind of empty to another", () => {
    expect(diffPayloads({ summary: "", aliases: [] }, { summary: null, aliases: [] })).toEqual([]);
  });

  it("still shows a field emptied or filled", () => {
    expect(diffPayloads({ summary: "Two lines", aliases: ["Nayeri"] }, { summary: "", aliases: [] })).toEqual([
      { field: "summary", before: "Two lines", after: "", kind: "changed" },
      { field: "aliases", before: ["Nayeri"], after: [], kind: "changed" },
    ]);
    expect(diffPayloads({ summary: "" }, { summary: "Filled" })).toEqual([{ field: "summary", before: "", after: "Filled", kind: "changed" }]);
  });
});

describe("which fields of a record's history hold dates", () => {
  it("an event's dates as typed, as the demo seed recorded them too, and its span's days; not its other fields", () => {
    expect(["dateStart", "dateEnd", "date", "earliest", "latest", "title", "precision"].map((f) => dateKind("Event", f))).toEqual(["typed", "typed", "typed", "day", "day", null, null]);
  });

  it("a consent's day and a source's date; fields of the same name in other records are not taken for dates", () => {
    expect(dateKind("Witness", "givenAt")).toBe("moment");
    expect(["date", "year", "title"].map((f) => dateKind("Source", f))).toEqual(["typed", null, null]);
    expect(dateKind("Person", "dateStart")).toBeNull();
    expect(dateKind("Dossier", "date")).toBeNull();
    expect(dateKind("Proceeding", "date")).toBeNull();
  });
});
