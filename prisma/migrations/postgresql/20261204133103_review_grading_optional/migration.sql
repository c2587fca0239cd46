-- A review's grading becomes optional (both columns or neither, checked in lib/review/schemas.ts):
-- only a verification must be graded. The immutability triggers stay as they are.
-- AlterTable
ALTER TABLE "Review" ALTER COLUMN "sourceReliability" DROP NOT NULL,
ALTER COLUMN "credibility" DROP NOT NULL;

