-- Written by hand (lib/search/pg-query.ts): the full-text vector of each "SearchDoc" moves to a
-- narrow table of its own, "SearchVector" (the id and the vector, nothing else), with the GIN
-- index. A search reads one heap row of every candidate the index returns (to learn its id, and
-- take the newest first) and then the vectors of those it checks and ranks. In "SearchDoc" a
-- row is ~600 bytes (title, ids, dates, pointers to the out-of-line texts), 13 to a page; here
-- it is ~40 bytes, so the heap of 100,000 statements is ~6 MB instead of ~60 MB and stays in
-- shared buffers while the vectors come and go.
-- The vector is stored out of line without compression (STORAGE EXTERNAL): lz4 saved only ~11%
-- of a vector's 5 KB, and every ranked or phrase-checked vector paid for decompressing it.
-- It is computed by a trigger from the same normalised columns as before, in the same
-- transaction as the "SearchDoc" change, so the two never disagree; deleting a "SearchDoc" row
-- deletes its vector (the foreign key).
CREATE TABLE "SearchVector" (
    "id" INTEGER NOT NULL,
    "search" tsvector NOT NULL,
    CONSTRAINT "SearchVector_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SearchVector_id_fkey" FOREIGN KEY ("id") REFERENCES "SearchDoc"("id") ON DELETE CASCADE
);
ALTER TABLE "SearchVector" ALTER COLUMN "search" SET STORAGE EXTERNAL;

CREATE FUNCTION "SearchVector_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchVector" ("id", "search")
  VALUES (NEW."id", setweight(to_tsvector('simple'::regconfig, NEW."normTitle"), 'A') || setweight(to_tsvector('simple'::regconfig, NEW."normBody"), 'B'))
  ON CONFLICT ("id") DO UPDATE SET "search" = EXCLUDED."search";
  RETURN NULL;
END
$$;

CREATE TRIGGER "SearchVector_insert" AFTER INSERT ON "SearchDoc" FOR EACH ROW EXECUTE FUNCTION "SearchVector_write"();
CREATE TRIGGER "SearchVector_update" AFTER UPDATE OF "normTitle", "normBody" ON "SearchDoc" FOR EACH ROW
  WHEN (OLD."normTitle" IS DISTINCT FROM NEW."normTitle" OR OLD."normBody" IS DISTINCT FROM NEW."normBody")
  EXECUTE FUNCTION "SearchVector_write"();

-- The existing entries' vectors (|| '' makes a fresh copy: a value copied as it is would keep
-- its lz4 compression).
INSERT INTO "SearchVector" ("id", "search") SELECT "id", "search" || ''::tsvector FROM "SearchDoc";
CREATE INDEX "SearchVector_search_idx" ON "SearchVector" USING GIN ("search");

DROP INDEX "SearchDoc_search_idx";
ALTER TABLE "SearchDoc" DROP COLUMN "search";
