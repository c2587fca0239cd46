-- Written by hand (lib/search/index-record.ts). The schema does not change. A proceeding's
-- search entry used to hold its kind as the stored code (CRIMINAL_TRIAL), which nobody types and
-- which its result's snippet showed; it now holds the kind in words, in English and Persian
-- («Criminal trial», «دادرسی کیفری»). The proceedings that exist are indexed again once this is
-- applied (lib/search/reindex.ts indexAfterMigration).
SELECT 1;
