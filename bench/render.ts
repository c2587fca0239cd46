// Re-renders bench/RESULTS.md from bench/results.json (after notes were added by hand, say):
//   npx tsx bench/render.ts
import { readFileSync, writeFileSync } from "node:fs";
import { mergeIntoResults, renderMarkdown, TARGETS } from "./report";

const all = JSON.parse(readFileSync("bench/results.json", "utf8"));
writeFileSync("bench/RESULTS.md", mergeIntoResults(readFileSync("bench/RESULTS.md", "utf8"), renderMarkdown(all, TARGETS)));
