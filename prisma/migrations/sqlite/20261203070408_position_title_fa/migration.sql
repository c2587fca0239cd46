-- A position's title in Persian, shown by the Persian interface when given (the English title
-- otherwise). Existing positions get none. Added at the end of the table rather than by copying
-- the table into a new one: SQLite adds a column with a constant default in place.
-- AlterTable
ALTER TABLE "Position" ADD COLUMN "titleFa" TEXT NOT NULL DEFAULT '';
