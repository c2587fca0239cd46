import { defineConfig } from "@playwright/test";

// End-to-end tests run the production build (`next build`, done by tests/run.mjs) against a
// fresh SQLite database loaded with the demo seed, in Debian's Chromium.
export const E2E_PORT = Number(process.env.CASEFILE_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    locale: "en-GB",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CASEFILE_CHROMIUM ?? "/usr/bin/chromium",
      // As root, without a sandbox; the networking flags keep Chromium off the closed network.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "node --import tsx --conditions=react-server tests/e2e/serve.ts",
    url: `${baseURL}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(E2E_PORT),
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
      CASEFILE_DATA_KEY: "k1.k_cGBqpItT10fB_tauxihzQMWhVD58c2E7HdsW4x9uc", // e2e only
      CASEFILE_ENV_FILE: "data/no-such-env-file",
      DATABASE_URL: process.env.CASEFILE_E2E_DATABASE_URL ?? "file:./data/e2e/casefile-e2e.db",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
