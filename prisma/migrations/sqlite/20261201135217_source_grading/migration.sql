-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "author" TEXT NOT NULL DEFAULT '',
    "year" INTEGER,
    "date" TEXT,
    "kind" TEXT NOT NULL DEFAULT '',
    "citation" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "reliability" TEXT,
    "credibility" INTEGER,
    "gradingReason" TEXT NOT NULL DEFAULT '',
    "gradedById" TEXT,
    "gradedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Source" ("author", "createdAt", "id", "kind", "note", "title", "updatedAt", "url", "year") SELECT "author", "createdAt", "id", "kind", "note", "title", "updatedAt", "url", "year" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE TABLE "new_Claim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "topic" TEXT NOT NULL,
    "assertion" TEXT NOT NULL DEFAULT '',
    "claimedBy" TEXT NOT NULL,
    "low" INTEGER,
    "high" INTEGER,
    "year" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "sourceId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Claim_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("claimedBy", "createdAt", "high", "id", "low", "note", "sourceId", "topic", "year") SELECT "claimedBy", "createdAt", "high", "id", "low", "note", "sourceId", "topic", "year" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE INDEX "Claim_topic_idx" ON "Claim"("topic");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

