-- CreateIndex
CREATE INDEX "Statement_status_language_updatedAt_idx" ON "Statement"("status", "language", "updatedAt");

-- CreateIndex
CREATE INDEX "Statement_updatedAt_idx" ON "Statement"("updatedAt");

