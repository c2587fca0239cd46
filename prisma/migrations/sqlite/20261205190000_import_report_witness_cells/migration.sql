-- Written by hand; the schema does not change. A witness import's report showed back a refused
-- row's cells, the identity columns left out, but not a column the import does not read (a phone
-- number or an address under a header of the sheet's own), nor an identity column mapped to
-- another field; reports are kept. A witness sheet's cells are no longer shown back
-- (lib/import/run-import.ts); the reports already written lose them too.
UPDATE "ImportJob"
SET "report" = (
  SELECT json_set("report", '$.rows', json_group_array(json_remove(r.value, '$.cells') ORDER BY r.key))
  FROM json_each("report", '$.rows') AS r
)
WHERE "kind" = 'WITNESSES' AND json_valid("report") AND json_type("report", '$.rows') = 'array' AND instr("report", '"cells"') > 0;
