// Name matching for Casefile: finds a person, place or organisation from any of the ways
// its name is spelled, in Latin transliteration or Persian script (Nayyeri / Nayeri /
// نیری, Pour-Mohammadi / پورمحمدی, Raisi / Ra'eesi / رئیسی). Pure TypeScript; used by
// search, autocomplete and link suggestion.
//
// How it works
//   1. Normalise (normalize.ts). Persian: Arabic ي ك ة forms, hamza carriers, diacritics,
//      tatweel, ZWNJ, digits. Latin: accents, case, hyphens, apostrophes.
//   2. Key (keys.ts). Each word becomes a phonetic key over a small alphabet in which the
//      common transliteration variants coincide (kh=x, gh=q, sh, ch, ou=oo=u, ee=i,
//      ei=ey=ai=ay, doubled letters single, w=v, final h after a vowel dropped...).
//      Persian words are read letter by letter into the same alphabet; since short vowels
//      are not written, a Persian key is mostly consonants and long vowels. Honorifics
//      (Ayatollah, Hojjat-ol-Eslam, Seyyed, آیت‌الله, سید, ...) and particles (al-, ol-,
//      ezafe -e/-ye) are dropped.
//   3. Compare words (similarity.ts) with a weighted edit distance whose costs know which
//      differences are mere spelling (vowel shades, q/g, y/i, dropping short vowels
//      against Persian script) and which change the name (i/u, a/o, unrelated consonants).
//      The consonant skeleton of each word is a second signal that lowers the score when
//      the consonants themselves differ.
//   4. Compare names (match.ts): words are paired in any order, adjacent words may be
//      joined ("Pour Mohammadi" = "Pourmohammadi", "Hossein Ali" = حسینعلی), the last
//      query word may be the start of a candidate word (autocomplete), and words that one
//      side lacks cost a little ("Raisi" still finds "Ebrahim Raisi").
//
// Nothing here looks spellings up: the aliases in the registry are just more names to
// compare against. The default threshold (DEFAULT_THRESHOLD, 0.77) and the measured
// results are explained in match.ts and match.test.ts.

export { normalizeLatin, normalizePersian, withoutPossessives, ZERO_WIDTH_CHARS } from "./normalize";
export { consonantSkeleton, latinKey, transliteratePersian } from "./keys";
export { PERSIAN_ALPHABET, persianSortKey, readerOrder, sortForReader } from "./order";
export { DEFAULT_THRESHOLD, matchNames, nameScore, type NameCandidate, type NameMatch, type PrefixRule } from "./match";
