-- Written by hand (lib/search). The normalised text (lib/search/normalize.ts) now folds Greek
-- final sigma to σ: entries written before are brought to the same form (the trigger of
-- "SearchVector" rewrites their vectors). The SQLite migration of the same name also changes its full-text
-- tokenizer; PostgreSQL's 'simple' configuration is unchanged.
UPDATE "SearchDoc" SET "normTitle" = replace("normTitle", 'ς', 'σ'), "normBody" = replace("normBody", 'ς', 'σ')
WHERE strpos("normTitle", 'ς') > 0 OR strpos("normBody", 'ς') > 0;
