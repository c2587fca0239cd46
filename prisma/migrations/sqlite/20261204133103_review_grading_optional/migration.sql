-- A review's grading becomes optional (both columns or neither, checked in lib/review/schemas.ts):
-- only a verification must be graded. SQLite drops a column's NOT NULL by rebuilding the table.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "statementId" TEXT NOT NULL,
    "revisionNumber" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "checklist" TEXT NOT NULL,
    "sourceReliability" TEXT,
    "credibility" INTEGER,
    "comments" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Review_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Review" ("checklist", "comments", "createdAt", "credibility", "decision", "id", "reviewerId", "revisionNumber", "sourceReliability", "statementId") SELECT "checklist", "comments", "createdAt", "credibility", "decision", "id", "reviewerId", "revisionNumber", "sourceReliability", "statementId" FROM "Review";
DROP TABLE "Review";
ALTER TABLE "new_Review" RENAME TO "Review";
CREATE INDEX "Review_statementId_idx" ON "Review"("statementId");
CREATE INDEX "Review_reviewerId_idx" ON "Review"("reviewerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Added by hand: dropping the old table dropped its triggers; reviews stay immutable.
CREATE TRIGGER "Review_no_update" BEFORE UPDATE ON "Review"
BEGIN SELECT RAISE(ABORT, 'Review is immutable'); END;
CREATE TRIGGER "Review_no_delete" BEFORE DELETE ON "Review"
BEGIN SELECT RAISE(ABORT, 'Review is immutable'); END;
