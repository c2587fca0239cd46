-- A position's title in Persian, shown by the Persian interface when given (the English title
-- otherwise). Existing positions get none.
-- AlterTable
ALTER TABLE "Position" ADD COLUMN     "titleFa" TEXT NOT NULL DEFAULT '';
