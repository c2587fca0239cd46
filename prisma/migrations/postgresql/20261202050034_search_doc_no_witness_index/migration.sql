-- No query looks "SearchDoc" entries up by witness: the consent check (lib/search/search.ts,
-- legal teams) reads each candidate entry's "witnessId" and looks the witness's consent up in
-- "Consent". The index only cost writes: statements arrive in no order of witness, so each new
-- entry wrote a page of it of its own (measured on SQLite at 100,000 statements: 16% of the bytes
-- a bulk-creation batch writes).
DROP INDEX "SearchDoc_witnessId_idx";
