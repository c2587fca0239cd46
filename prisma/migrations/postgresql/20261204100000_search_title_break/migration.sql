-- Written by hand. The schema does not change. A search entry's vector held its title's words
-- and its text's words at consecutive positions, so a phrase could run from the title's last word
-- into the text's first ("1988 in july" found a statement titled "… summer of 1988" whose text
-- begins "In July"; "nayyeri hossein" a person whose first alias is "Hossein …"). SQLite never
-- found those: an FTS5 phrase stays inside one column. Now the text follows a break after the
-- title, as the extras already follow one after the text: the break token (chr(1603), U+0643,
-- which no query word can be) is deleted from the vector, its position left empty, so the
-- vectors are no larger than before.
CREATE OR REPLACE FUNCTION "SearchVector_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchVector" ("id", "search")
  VALUES (NEW."id", setweight(to_tsvector('simple'::regconfig, NEW."normTitle"), 'A')
    || setweight(ts_delete(to_tsvector('simple'::regconfig, chr(1603) || ' ' || NEW."normBody"), chr(1603)), 'B')
    || setweight(ts_delete(to_tsvector('simple'::regconfig, chr(1603) || ' ' || NEW."normJoined"), chr(1603)), 'C'))
  ON CONFLICT ("id") DO UPDATE SET "search" = EXCLUDED."search";
  RETURN NULL;
END
$$;

-- The entries that exist get their vectors again, in this migration's transaction; statements'
-- are written again by the next migration, *_search_field_breaks, whose re-indexing
-- (lib/search/reindex.ts) writes every statement's entry anew, and with it its vector. The
-- registries' entries whose text it leaves unchanged keep the vector written here.
UPDATE "SearchVector" v
SET "search" = setweight(to_tsvector('simple'::regconfig, d."normTitle"), 'A')
    || setweight(ts_delete(to_tsvector('simple'::regconfig, chr(1603) || ' ' || d."normBody"), chr(1603)), 'B')
    || setweight(ts_delete(to_tsvector('simple'::regconfig, chr(1603) || ' ' || d."normJoined"), chr(1603)), 'C')
FROM "SearchDoc" d
WHERE d."id" = v."id" AND d."type" <> 'statement';
