export * from "./fuzzy-date";
