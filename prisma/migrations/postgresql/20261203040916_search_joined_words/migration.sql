-- Written by hand (lib/search). Each entry also keeps the words its title and text write with a
-- ZWNJ, joined («چشم‌بند» → چشمبند: lib/search/persian-variants.ts joinedWords), so that a query
-- typed without the ZWNJ finds them. In the vector they carry weight C, after the text's words
-- (whose positions stay as they are), and a phrase only matches words of weight A or B
-- (lib/search/pg-query.ts), so a joined word never takes part in one. The entries that exist get
-- their joined words after the migration (lib/search/reindex.ts indexAfterMigration); until then
-- their vectors are the same as before.
ALTER TABLE "SearchDoc" ADD COLUMN "normJoined" TEXT NOT NULL DEFAULT '';

CREATE OR REPLACE FUNCTION "SearchVector_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchVector" ("id", "search")
  VALUES (NEW."id", setweight(to_tsvector('simple'::regconfig, NEW."normTitle"), 'A') || setweight(to_tsvector('simple'::regconfig, NEW."normBody"), 'B')
    || setweight(to_tsvector('simple'::regconfig, NEW."normJoined"), 'C'))
  ON CONFLICT ("id") DO UPDATE SET "search" = EXCLUDED."search";
  RETURN NULL;
END
$$;

DROP TRIGGER "SearchVector_update" ON "SearchDoc";
CREATE TRIGGER "SearchVector_update" AFTER UPDATE OF "normTitle", "normBody", "normJoined" ON "SearchDoc" FOR EACH ROW
  WHEN (OLD."normTitle" IS DISTINCT FROM NEW."normTitle" OR OLD."normBody" IS DISTINCT FROM NEW."normBody" OR OLD."normJoined" IS DISTINCT FROM NEW."normJoined")
  EXECUTE FUNCTION "SearchVector_write"();
