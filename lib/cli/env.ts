import { existsSync } from "node:fs";

/** The CLI reads the same .env as the app (Next loads it for the app by itself). */
export function loadDotEnv(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
