-- CreateTable
CREATE TABLE "SearchDoc" (
    "id" SERIAL NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchDoc_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchDoc_type_status_idx" ON "SearchDoc"("type", "status");

-- CreateIndex
CREATE INDEX "SearchDoc_witnessId_idx" ON "SearchDoc"("witnessId");

-- CreateIndex
CREATE UNIQUE INDEX "SearchDoc_type_recordId_key" ON "SearchDoc"("type", "recordId");


-- Written by hand (lib/search): the full-text vector of each "SearchDoc", computed by the
-- database from the normalised columns and kept in step by it, with a GIN index. The 'simple'
-- configuration only lower-cases: Persian has no stemmer in PostgreSQL, and the text is already
-- normalised (lib/search/normalize.ts) to letters and digits separated by single spaces.
ALTER TABLE "SearchDoc" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, "normTitle"), 'A') || setweight(to_tsvector('simple'::regconfig, "normBody"), 'B')
) STORED;

CREATE INDEX "SearchDoc_search_idx" ON "SearchDoc" USING GIN ("search");
