-- A person's summary and current status in Persian, shown first by the Persian interface when
-- given (the English otherwise). Existing persons get none. Added at the end of the table rather
-- than by copying it into a new one: SQLite adds a column with a constant default in place.
-- AlterTable
ALTER TABLE "Person" ADD COLUMN "summaryFa" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Person" ADD COLUMN "statusNotesFa" TEXT NOT NULL DEFAULT '';
