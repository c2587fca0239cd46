-- Written by hand (lib/search/normalize.ts, index-record.ts). The schema does not change. Two
-- changes to how Latin-script words are indexed, so that a name typed as it is spelt finds the
-- testimony that writes it otherwise:
-- - an English possessive closing a word is dropped ("Nayyeri's commission" is indexed and
--   searched as "nayyeri commission"), as the name matcher already did;
-- - a word written with a hyphen keeps its parts too, apart, beside the joined words
--   ("Nayyeri-led" is also found by "Nayyeri").
-- The entries that exist get their normalised text again once this is applied
-- (lib/search/reindex.ts indexAfterMigration); only those whose text changes are written.
SELECT 1;
