-- Written by hand; the schema does not change. A search entry's text keeps its fields apart (a
-- statement's original text, each translation and its summary; a registry record's lines): the
-- text as written has a paragraph separator (U+2029) after the line break between two fields, and
-- its normalised form a break token there (lib/search/index-record.ts normBodyOf), so a phrase is
-- no longer found from one field into the next. The entries that exist cannot tell a field's end
-- from a line break inside a field: every record is indexed again from what it holds once this
-- is applied (lib/search/reindex.ts indexAfterMigration, as `npm run casefile -- search:reindex`).
SELECT 1;
