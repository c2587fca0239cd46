import { describe, expect, test } from "vitest";
import { clampPage, pageOfRows } from "./paging";

describe("paging", () => {
  test("a page past the last is the last; an empty list has one empty page", () => {
    expect(clampPage(1, 0, 50)).toEqual({ page: 1, pages: 1, skip: 0 });
    expect(clampPage(3, 101, 50)).toEqual({ page: 3, pages: 3, skip: 100 });
    expect(clampPage(4, 100, 50)).toEqual({ page: 2, pages: 2, skip: 50 });
    expect(clampPage(0, 100, 50)).toEqual({ page: 1, pages: 2, skip: 0 });
  });
  test("rows already ordered are cut into pages", () => {
    const rows = [1, 2, 3, 4, 5, 6, 7];
    expect(pageOfRows(rows, 3, 3)).toEqual({ items: [7], total: 7, page: 3, pageSize: 3, pages: 3 });
    expect(pageOfRows(rows, 9, 3).items).toEqual([7]);
    expect(pageOfRows([], 2, 3)).toEqual({ items: [], total: 0, page: 1, pageSize: 3, pages: 1 });
  });
});
