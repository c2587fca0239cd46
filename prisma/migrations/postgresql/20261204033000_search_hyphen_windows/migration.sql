-- Written by hand (lib/search/normalize.ts hyphenWindows, index-record.ts normJoinedOf). The
-- schema does not change. Each entry's extras ("normJoined", weight C in the vector) keep, for
-- every word its title or text writes with a hyphen, a window: the word's parts apart between up
-- to four of the text's words on either side ("taken to gohar dasht prison"), in place of the
-- parts alone, and a break token (chr(1603), U+0643, which no query word can be) between any two
-- entries, the joined words included. Phrases now read weight C too (lib/search/pg-query.ts), so
-- "dasht prison" finds "Gohar-dasht prison".
--
-- The vector holds no break token: it is deleted (ts_delete), leaving its position empty, which
-- is all a phrase needs to stop there; one more break before the extras keeps a phrase from
-- running from the text's last word into them. The vectors stay as large as before.
CREATE OR REPLACE FUNCTION "SearchVector_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchVector" ("id", "search")
  VALUES (NEW."id", setweight(to_tsvector('simple'::regconfig, NEW."normTitle"), 'A') || setweight(to_tsvector('simple'::regconfig, NEW."normBody"), 'B')
    || setweight(ts_delete(to_tsvector('simple'::regconfig, chr(1603) || ' ' || NEW."normJoined"), chr(1603)), 'C'))
  ON CONFLICT ("id") DO UPDATE SET "search" = EXCLUDED."search";
  RETURN NULL;
END
$$;

-- The entries that exist get their extras again after this (lib/search/reindex.ts
-- indexAfterMigration), and their vectors through the trigger. An entry whose extras are one word
-- keeps the same extras, so its vector is written here, with the break before that word.
UPDATE "SearchVector" v
SET "search" = setweight(to_tsvector('simple'::regconfig, d."normTitle"), 'A') || setweight(to_tsvector('simple'::regconfig, d."normBody"), 'B')
    || setweight(ts_delete(to_tsvector('simple'::regconfig, chr(1603) || ' ' || d."normJoined"), chr(1603)), 'C')
FROM "SearchDoc" d
WHERE d."id" = v."id" AND d."normJoined" <> '' AND strpos(d."normJoined", ' ') = 0;
