// Stands in for the "server-only" package under vitest and the CLI, which run outside Next's
// react-server bundle (the real package throws when imported there).
export {};
