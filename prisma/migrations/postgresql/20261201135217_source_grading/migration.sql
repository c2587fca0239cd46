-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "citation" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "credibility" INTEGER,
ADD COLUMN     "date" TEXT,
ADD COLUMN     "gradedAt" TIMESTAMP(3),
ADD COLUMN     "gradedById" TEXT,
ADD COLUMN     "gradingReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reliability" TEXT;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "assertion" TEXT NOT NULL DEFAULT '';

