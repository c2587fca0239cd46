// Which database a DATABASE_URL names. Shared by the app, the CLI, the migration runner
// and the tests so that they always agree.
export type Provider = "sqlite" | "postgresql";

/** How long a SQLite connection waits for another connection's lock before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export const DEFAULT_DATABASE_URL = "file:./data/casefile.db";

export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${url.split(":")[0]}:")`);
}

/** The file path of a file: URL, relative to the working directory. */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "").split("?")[0];
}
