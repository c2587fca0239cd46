import { expect, test } from "vitest";
import { MAX_SERVER_PROCESSES, parseServerProcesses } from "./server-processes.mjs";

test("one server process unless asked for more", () => {
  expect(parseServerProcesses(undefined, 8)).toEqual({ ok: true, count: 1 });
  expect(parseServerProcesses("", 8)).toEqual({ ok: true, count: 1 });
  expect(parseServerProcesses("  ", 8)).toEqual({ ok: true, count: 1 });
});

test("a whole number from 1 to the most, or one per core", () => {
  expect(parseServerProcesses("1", 8)).toEqual({ ok: true, count: 1 });
  expect(parseServerProcesses(" 2 ", 8)).toEqual({ ok: true, count: 2 });
  expect(parseServerProcesses(String(MAX_SERVER_PROCESSES), 8)).toEqual({ ok: true, count: MAX_SERVER_PROCESSES });
  expect(parseServerProcesses("auto", 2)).toEqual({ ok: true, count: 2 });
  expect(parseServerProcesses("AUTO", 1)).toEqual({ ok: true, count: 1 });
  expect(parseServerProcesses("auto", 128)).toEqual({ ok: true, count: MAX_SERVER_PROCESSES });
});

test("anything else is refused with what to write", () => {
  for (const raw of ["0", "-1", "1.5", "2e1", "two", "0x2", String(MAX_SERVER_PROCESSES + 1)]) {
    const r = parseServerProcesses(raw, 8);
    expect(r.ok, raw).toBe(false);
    if (!r.ok) expect(r.error).toBe(`CASEFILE_SERVER_PROCESSES must be a whole number from 1 to ${MAX_SERVER_PROCESSES}, or "auto" (one process per core), not "${raw}".`);
  }
});
