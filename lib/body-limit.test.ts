import { describe, expect, test } from "vitest";
import nextConfig from "@/next.config.js";
import { MAX_BODY_BYTES } from "./body-limit";
import { MAX_JSON_BYTES } from "@/lib/api/handler";
import { MAX_ACTION_BODY_BYTES } from "@/lib/server-actions/check-request";
import { MAX_STATEMENT_TEXT, ZCreateStatement } from "@/lib/statements/schemas";

describe("request body limit", () => {
  test("a statement at every limit of its schema fits, at 3 bytes a character", () => {
    const text = "ی".repeat(MAX_STATEMENT_TEXT);
    const statement = {
      witnessId: "w".repeat(64),
      title: "ت".repeat(300),
      language: "fa",
      originalText: text,
      summary: "خ".repeat(10_000),
      notes: "ی".repeat(20_000),
      interviewPlace: "م".repeat(300),
      interviewers: Array.from({ length: 10 }, () => "ن".repeat(200)),
      placesCovered: Array.from({ length: 50 }, () => "ک".repeat(200)),
      translations: Array.from({ length: 10 }, () => ({ language: "en", translator: "t".repeat(200), text })),
    };
    // The schema accepts it: this is a valid statement, the largest one.
    expect(ZCreateStatement.safeParse(statement).success).toBe(true);
    const chars = JSON.stringify(statement).length;
    expect(chars * 3).toBeLessThanOrEqual(MAX_BODY_BYTES);
  });

  test("the JSON API, the form check and Next's own server-action limit all use it", () => {
    expect(MAX_JSON_BYTES).toBe(MAX_BODY_BYTES);
    expect(MAX_ACTION_BODY_BYTES).toBe(MAX_BODY_BYTES);
    expect((nextConfig as { experimental?: { serverActions?: { bodySizeLimit?: unknown } } }).experimental?.serverActions?.bodySizeLimit).toBe(MAX_BODY_BYTES);
  });
});
