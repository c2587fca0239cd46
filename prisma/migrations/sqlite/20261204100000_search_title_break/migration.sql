-- Written by hand; nothing to do on SQLite. On PostgreSQL this migration keeps a phrase from
-- running from a search entry's title into its text. Here the title and the text are columns of
-- their own in the FTS5 table "SearchFts", and an FTS5 phrase is only ever found inside one column.
SELECT 1;
