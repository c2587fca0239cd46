-- Written by hand (lib/search/normalize.ts). The schema does not change. The search's
-- normalisation now drops an English possessive closing a word ("Nayyeri's commission" is indexed
-- and searched as "nayyeri commission"), as the name matcher already did, so that a name typed
-- as it is spelt finds the testimony that writes it with 's. The entries that exist get their
-- normalised text again once this is applied (lib/search/reindex.ts indexAfterMigration); only
-- those whose text changes are written.
SELECT 1;
