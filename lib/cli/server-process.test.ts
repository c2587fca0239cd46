import { spawnSync } from "node:child_process";
import { expect, test } from "vitest";
import { SERVER_NODE_OPTIONS, serverArgs } from "./server-process";

test("this Node accepts the server's options (an unknown one would stop the server from starting)", () => {
  const r = spawnSync(process.execPath, [...SERVER_NODE_OPTIONS, "-e", "process.stdout.write(String(require('v8').getHeapStatistics().heap_size_limit > 0))"], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toBe("true");
});

test("the server is lib/cli/http-server.mjs with the options before the script", () => {
  const args = serverArgs(3456, "/app");
  expect(args.slice(0, SERVER_NODE_OPTIONS.length)).toEqual([...SERVER_NODE_OPTIONS]);
  expect(args.slice(SERVER_NODE_OPTIONS.length)).toEqual(["/app/lib/cli/http-server.mjs", "-p", "3456"]);
});

test("the server refuses a port that is not one, with a message and no server", () => {
  const r = spawnSync(process.execPath, [...serverArgs("80a", process.cwd())], { encoding: "utf8", timeout: 20_000 });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('not "80a"');
});
