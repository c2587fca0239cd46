-- A proceeding's title, jurisdiction, court, charges and status in Persian, and each timeline
-- entry's text in Persian, shown first by the Persian interface when given (the English
-- otherwise). Existing proceedings get none.
-- AlterTable
ALTER TABLE "Proceeding" ADD COLUMN     "chargesFa" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "courtFa" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "jurisdictionFa" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "statusFa" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleFa" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ProceedingStatusEntry" ADD COLUMN     "whatFa" TEXT NOT NULL DEFAULT '';

