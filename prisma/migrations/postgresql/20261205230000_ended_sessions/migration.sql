-- Sessions ended by signing out: a copied session cookie is refused by its session id afterwards.
CREATE TABLE "EndedSession" (
    "sid" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "endedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EndedSession_pkey" PRIMARY KEY ("sid")
);

CREATE INDEX "EndedSession_expiresAt_idx" ON "EndedSession"("expiresAt");
