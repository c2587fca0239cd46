-- A person's summary and current status in Persian, shown first by the Persian interface when
-- given (the English otherwise). Existing persons get none.
-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "statusNotesFa" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "summaryFa" TEXT NOT NULL DEFAULT '';

