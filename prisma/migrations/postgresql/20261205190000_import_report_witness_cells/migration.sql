-- Written by hand; the schema does not change. A witness import's report showed back a refused
-- row's cells, the identity columns left out, but not a column the import does not read (a phone
-- number or an address under a header of the sheet's own), nor an identity column mapped to
-- another field; reports are kept. A witness sheet's cells are no longer shown back
-- (lib/import/run-import.ts); the reports already written lose them too.
UPDATE "ImportJob"
SET "report" = jsonb_set(
  "report"::jsonb,
  '{rows}',
  (SELECT jsonb_agg(r.value - 'cells' ORDER BY r.ord) FROM jsonb_array_elements("report"::jsonb -> 'rows') WITH ORDINALITY AS r(value, ord))
)::text
WHERE "kind" = 'WITNESSES' AND position('"cells"' IN "report") > 0 AND jsonb_typeof("report"::jsonb -> 'rows') = 'array' AND jsonb_array_length("report"::jsonb -> 'rows') > 0;
