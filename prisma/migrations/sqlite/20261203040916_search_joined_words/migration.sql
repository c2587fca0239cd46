-- Written by hand (lib/search). Each entry also keeps the words its title and text write with a
-- ZWNJ, joined («چشم‌بند» → چشمبند: lib/search/persian-variants.ts joinedWords), so that a query
-- typed without the ZWNJ finds them. They are a third column of the full-text index, not part
-- of the text: the text's words keep their positions, and phrases are matched in the title and
-- text columns only (lib/search/search.ts fts5Query). A column added with a constant default
-- needs no rebuild of "SearchDoc"; the entries that exist get their joined words after the
-- migration (lib/search/reindex.ts indexAfterMigration), through the update trigger.
ALTER TABLE "SearchDoc" ADD COLUMN "normJoined" TEXT NOT NULL DEFAULT '';

DROP TRIGGER "SearchDoc_fts_insert";
DROP TRIGGER "SearchDoc_fts_delete";
DROP TRIGGER "SearchDoc_fts_update";
DROP TABLE "SearchFts";
CREATE VIRTUAL TABLE "SearchFts" USING fts5(
    "normTitle", "normBody", "normJoined",
    content='SearchDoc', content_rowid='id',
    tokenize='ascii'
);
INSERT INTO "SearchFts"("SearchFts", rank) VALUES ('hashsize', 16777216);

CREATE TRIGGER "SearchDoc_fts_insert" AFTER INSERT ON "SearchDoc" BEGIN
  INSERT INTO "SearchFts"(rowid, "normTitle", "normBody", "normJoined") VALUES (new."id", new."normTitle", new."normBody", new."normJoined");
END;

CREATE TRIGGER "SearchDoc_fts_delete" AFTER DELETE ON "SearchDoc" BEGIN
  INSERT INTO "SearchFts"("SearchFts", rowid, "normTitle", "normBody", "normJoined") VALUES ('delete', old."id", old."normTitle", old."normBody", old."normJoined");
END;

CREATE TRIGGER "SearchDoc_fts_update" AFTER UPDATE ON "SearchDoc" BEGIN
  INSERT INTO "SearchFts"("SearchFts", rowid, "normTitle", "normBody", "normJoined") VALUES ('delete', old."id", old."normTitle", old."normBody", old."normJoined");
  INSERT INTO "SearchFts"(rowid, "normTitle", "normBody", "normJoined") VALUES (new."id", new."normTitle", new."normBody", new."normJoined");
END;

INSERT INTO "SearchFts"("SearchFts") VALUES ('rebuild');
