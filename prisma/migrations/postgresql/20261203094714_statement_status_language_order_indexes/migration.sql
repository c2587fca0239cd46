-- The statement list filtered by status alone or by language alone, newest first, and the review
-- queue, oldest submission first, read from an index in order instead of sorting every statement of
-- that status or language. They replace the single-column status and language indexes (a prefix of
-- the new ones counts the same).
-- DropIndex
DROP INDEX "Statement_status_idx";

-- DropIndex
DROP INDEX "Statement_language_idx";

-- CreateIndex
CREATE INDEX "Statement_status_updatedAt_idx" ON "Statement"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "Statement_language_updatedAt_idx" ON "Statement"("language", "updatedAt");

-- CreateIndex
CREATE INDEX "Statement_status_submittedAt_idx" ON "Statement"("status", "submittedAt");

