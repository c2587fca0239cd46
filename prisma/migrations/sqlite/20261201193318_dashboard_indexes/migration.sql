-- CreateIndex
CREATE INDEX "Statement_fictional_idx" ON "Statement"("fictional");

