-- Sessions ended by signing out: a copied session cookie is refused by its session id afterwards.
CREATE TABLE "EndedSession" (
    "sid" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "endedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

CREATE INDEX "EndedSession_expiresAt_idx" ON "EndedSession"("expiresAt");
