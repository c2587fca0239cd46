-- CreateTable
CREATE TABLE "Dossier" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "proceedingId" TEXT,
    "personId" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "nextExhibitNumber" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DossierItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dossierId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "exhibitNumber" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "addedById" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DossierItem_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DossierExport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dossierId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT '',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "fileName" TEXT,
    "sha256" TEXT,
    "size" BIGINT,
    "excluded" TEXT NOT NULL DEFAULT '[]',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "DossierExport_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mapping" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "linked" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "report" TEXT NOT NULL DEFAULT '[]',
    "error" TEXT,
    "templateId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ImportedRow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "rowKey" TEXT NOT NULL,
    "recordType" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "importJobId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "BackupRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "location" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "encrypted" BOOLEAN NOT NULL,
    "manifestSha256" TEXT NOT NULL,
    "files" INTEGER NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "verified" BOOLEAN NOT NULL,
    "verifiedAt" DATETIME,
    "message" TEXT NOT NULL DEFAULT ''
);

-- CreateIndex
CREATE INDEX "Dossier_proceedingId_idx" ON "Dossier"("proceedingId");

-- CreateIndex
CREATE INDEX "Dossier_personId_idx" ON "Dossier"("personId");

-- CreateIndex
CREATE INDEX "DossierItem_dossierId_position_idx" ON "DossierItem"("dossierId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "DossierItem_dossierId_kind_refId_key" ON "DossierItem"("dossierId", "kind", "refId");

-- CreateIndex
CREATE UNIQUE INDEX "DossierItem_dossierId_exhibitNumber_key" ON "DossierItem"("dossierId", "exhibitNumber");

-- CreateIndex
CREATE INDEX "DossierExport_dossierId_createdAt_idx" ON "DossierExport"("dossierId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ImportTemplate_kind_name_key" ON "ImportTemplate"("kind", "name");

-- CreateIndex
CREATE INDEX "ImportJob_createdAt_idx" ON "ImportJob"("createdAt");

-- CreateIndex
CREATE INDEX "ImportedRow_recordType_recordId_idx" ON "ImportedRow"("recordType", "recordId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedRow_kind_rowKey_key" ON "ImportedRow"("kind", "rowKey");

