-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN "runner" TEXT;

