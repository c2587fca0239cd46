import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = { "@": root.replace(/\/$/, ""), "server-only": `${root}tests/support/server-only.ts` };

const integration = (provider: "sqlite" | "postgresql") => ({
  resolve: { alias },
  test: {
    name: `integration-${provider}`,
    include: ["tests/integration/**/*.test.ts"],
    // A test-only data key, and no .env file: tests never touch a developer's real keys.
    env: { CASEFILE_TEST_PROVIDER: provider, CASEFILE_DATA_KEY: "k1.ckrjpSn65kydICKhwUW9mirGCqenGotzQtCRurueS8k", CASEFILE_ENV_FILE: "data/no-such-env-file" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file makes its own database; files run one at a time so PostgreSQL and the
    // two cores are not oversubscribed.
    fileParallelism: false,
  },
});

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["lib/**/*.test.ts", "app/**/*.test.ts", "bench/**/*.test.ts"] } },
      integration("sqlite"),
      integration("postgresql"),
    ],
  },
});
