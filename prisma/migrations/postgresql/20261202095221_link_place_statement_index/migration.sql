-- A name search that names a place adds the statements linked to it (lib/search/search.ts), and the
-- search filter by place reads the same: each link's "statementId" by "placeId". Without an index
-- every lookup scanned the whole Link table; with "statementId" in it, the index alone answers.
-- CreateIndex
CREATE INDEX "Link_placeId_statementId_idx" ON "Link"("placeId", "statementId");

