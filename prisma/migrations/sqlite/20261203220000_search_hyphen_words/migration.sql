-- Written by hand (lib/search/normalize.ts, index-record.ts). The schema does not change. A word
-- written with a hyphen is now indexed as its parts, in the text, where a ZWNJ already parted a
-- word ("Gohar-dasht prison" is "gohar dasht prison"), so that a phrase finds a part beside its
-- neighbours ("dasht prison"); the word joined ("gohardasht") moves to the joined words, where its
-- parts were, so that it is still found typed without its hyphen, with a token that says where a
-- Latin word of two parts had its hyphen ("goharكdasht": lib/search/persian-variants.ts hyphenCut),
-- so that a phrase typed with the word joined ("to Gohardasht prison") is also searched split there.
-- The entries that exist get their normalised text again once this is applied
-- (lib/search/reindex.ts indexAfterMigration); only those whose text changes are written.
SELECT 1;
