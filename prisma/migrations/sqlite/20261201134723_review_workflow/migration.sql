-- AlterTable
ALTER TABLE "Statement" ADD COLUMN "assigneeId" TEXT;
ALTER TABLE "Statement" ADD COLUMN "submittedAt" DATETIME;

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "statementId" TEXT NOT NULL,
    "revisionNumber" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "checklist" TEXT NOT NULL,
    "sourceReliability" TEXT NOT NULL,
    "credibility" INTEGER NOT NULL,
    "comments" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Review_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME
);

-- CreateIndex
CREATE INDEX "Review_statementId_idx" ON "Review"("statementId");

-- CreateIndex
CREATE INDEX "Review_reviewerId_idx" ON "Review"("reviewerId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Statement_assigneeId_idx" ON "Statement"("assigneeId");


-- Added by hand: reviews are immutable.
CREATE TRIGGER "Review_no_update" BEFORE UPDATE ON "Review"
BEGIN SELECT RAISE(ABORT, 'Review is immutable'); END;
CREATE TRIGGER "Review_no_delete" BEFORE DELETE ON "Review"
BEGIN SELECT RAISE(ABORT, 'Review is immutable'); END;
