import { expect, test } from "vitest";
import { mergeProgress } from "./merge-progress";

const job = (id: string, rowsDone: number, rowsTotal: number, status = "RUNNING") => ({ id, rowsDone, rowsTotal, status });

test("a poll answered from a process that saw less does not move the bar back", () => {
  expect(mergeProgress(job("a", 700, 1000), job("a", 500, 1000, "RUNNING"))).toEqual(job("a", 700, 1000));
  expect(mergeProgress(job("a", 300, 1000), job("a", 0, 0, "CHECKING"))).toEqual(job("a", 300, 1000, "CHECKING"));
});

test("progress forward is taken as it comes, with the rest of the answer", () => {
  expect(mergeProgress(job("a", 300, 1000), job("a", 800, 1000, "RUNNING"))).toEqual(job("a", 800, 1000));
  expect(mergeProgress(null, job("a", 10, 20))).toEqual(job("a", 10, 20));
});

test("another job starts from its own figures", () => {
  expect(mergeProgress(job("a", 900, 1000), job("b", 5, 50))).toEqual(job("b", 5, 50));
});
