-- CreateTable
CREATE TABLE "SearchDoc" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "type" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "normTitle" TEXT NOT NULL,
    "normBody" TEXT NOT NULL,
    "language" TEXT,
    "status" TEXT,
    "authorId" TEXT,
    "witnessId" TEXT,
    "dateFrom" TEXT,
    "dateTo" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SearchDoc_type_status_idx" ON "SearchDoc"("type", "status");

-- CreateIndex
CREATE INDEX "SearchDoc_witnessId_idx" ON "SearchDoc"("witnessId");

-- CreateIndex
CREATE UNIQUE INDEX "SearchDoc_type_recordId_key" ON "SearchDoc"("type", "recordId");


-- Written by hand (lib/search): an FTS5 index over the normalised columns of "SearchDoc".
-- External content: the text lives once, in "SearchDoc"; the triggers keep the index in step
-- with every insert, update and delete, inside the same transaction. The text is already
-- normalised (lib/search/normalize.ts) to letters and digits separated by single spaces, so the
-- tokenizer only splits on spaces and folds what is left.
CREATE VIRTUAL TABLE "SearchFts" USING fts5(
    "normTitle", "normBody",
    content='SearchDoc', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER "SearchDoc_fts_insert" AFTER INSERT ON "SearchDoc" BEGIN
  INSERT INTO "SearchFts"(rowid, "normTitle", "normBody") VALUES (new."id", new."normTitle", new."normBody");
END;

CREATE TRIGGER "SearchDoc_fts_delete" AFTER DELETE ON "SearchDoc" BEGIN
  INSERT INTO "SearchFts"("SearchFts", rowid, "normTitle", "normBody") VALUES ('delete', old."id", old."normTitle", old."normBody");
END;

CREATE TRIGGER "SearchDoc_fts_update" AFTER UPDATE ON "SearchDoc" BEGIN
  INSERT INTO "SearchFts"("SearchFts", rowid, "normTitle", "normBody") VALUES ('delete', old."id", old."normTitle", old."normBody");
  INSERT INTO "SearchFts"(rowid, "normTitle", "normBody") VALUES (new."id", new."normTitle", new."normBody");
END;
