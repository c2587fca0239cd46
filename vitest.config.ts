import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = { "@": root.replace(/\/$/, ""), "server-only": `${root}tests/support/server-only.ts` };

const integration = (provider: "sqlite" | "postgresql") => ({
  resolve: { alias },
  test: {
    name: `integration-${provider}`,
    include: ["tests/integration/**/*.test.ts"],
    env: { CASEFILE_TEST_PROVIDER: provider },
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
      { resolve: { alias }, test: { name: "unit", include: ["lib/**/*.test.ts"] } },
      integration("sqlite"),
      integration("postgresql"),
    ],
  },
});
