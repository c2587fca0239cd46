-- Written by hand (lib/search/normalize.ts hyphenWindows, index-record.ts normJoinedOf). The
-- schema does not change. Each entry's extras (the third column of the full-text index) keep,
-- for every word its title or text writes with a hyphen, a window: the word's parts apart between
-- up to four of the text's words on either side ("taken to gohar dasht prison"), in place of the
-- parts alone, and a break token (U+0643) between any two entries, the joined words included.
-- Phrases now read that column too (lib/search/search.ts fts5Query), so "dasht prison" finds
-- "Gohar-dasht prison" and no phrase is found across two entries. The entries that exist get
-- their extras again once this is applied (lib/search/reindex.ts indexAfterMigration); only those
-- whose extras change are written.
SELECT 1;
