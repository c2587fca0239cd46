-- AlterTable
ALTER TABLE "DossierExport" ADD COLUMN "runner" TEXT;

