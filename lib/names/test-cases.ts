// Test data for the name matcher: candidates from the public record of 1988 (the same file
// the demo seed loads) plus a few distractor names, and tables of queries. Used by
// match.test.ts. None of the positive queries below is entered anywhere as an alias: they
// are spellings the matcher has to work out.

import record from "@/lib/seed/public-record-1988.json";
import type { NameCandidate } from "./match";

type Named = { name: string; name_fa?: string; aliases?: string[] };

const names = (x: Named) => [x.name, ...(x.name_fa ? [x.name_fa] : []), ...(x.aliases ?? [])];

/** Persons by key, organisations and places by their English name. */
export const RECORD_CANDIDATES: NameCandidate[] = [
  ...record.persons.map((p) => ({ id: p.key, names: names(p) })),
  ...record.organisations.map((o: Named) => ({ id: o.name, names: names(o) })),
  ...record.places.map((p: Named) => ({ id: p.name, names: names(p) })),
];

/**
 * Names that look like the real ones and must not be confused with them. Ordinary Iranian
 * names, not claims about anyone.
 */
export const DISTRACTORS: NameCandidate[] = [
  { id: "x-rajavi", names: ["Masoud Rajavi", "مسعود رجوی"] },
  { id: "x-mohammadi", names: ["Mohammadi"] },
  { id: "x-ali-mohammadi", names: ["Ali Mohammadi", "علی محمدی"] },
  { id: "x-nasseri", names: ["Nasser Nasseri", "ناصر ناصری"] },
  { id: "x-ashrafi", names: ["Mehdi Ashrafi", "مهدی اشرفی"] },
  { id: "x-rezaei", names: ["Mohsen Rezaei", "محسن رضایی"] },
  { id: "x-mousavi", names: ["Mir-Hossein Mousavi", "میرحسین موسوی"] },
  { id: "x-smith", names: ["John Smith"] },
  { id: "x-khomami", names: ["Karim Khomami"] },
  { id: "x-montazer", names: ["Reza Montazer"] },
];

export const ALL_CANDIDATES: NameCandidate[] = [...RECORD_CANDIDATES, ...DISTRACTORS];

/** Query → the candidate that must come first (and above the default threshold). */
export const POSITIVES: [query: string, expected: string][] = [
  // Nayyeri
  ["Nayeri", "nayyeri"],
  ["Naiyeri", "nayyeri"],
  ["Nayyery", "nayyeri"],
  ["Hosein Ali Nayeri", "nayyeri"],
  ["Hosseinali Nayiri", "nayyeri"],
  ["نیری", "nayyeri"],
  ["حسین‌علی نیّری", "nayyeri"],
  // Pourmohammadi
  ["Pour Mohamadi", "pourmohammadi"],
  ["Pourmohamadi", "pourmohammadi"],
  ["Poormohammadi", "pourmohammadi"],
  ["Purmuhammadi", "pourmohammadi"],
  ["Mustafa Pour-Mohamadi", "pourmohammadi"],
  ["پورمحمدی", "pourmohammadi"],
  ["پور محمدی", "pourmohammadi"],
  // Raisi
  ["Ra'eesi", "raisi"],
  ["Raeisi", "raisi"],
  ["Raeesi", "raisi"],
  ["Raʾīsī", "raisi"],
  ["Ebrahim Raisy", "raisi"],
  ["Hojjat-ol-Eslam Seyyed Ebrahim Raisi", "raisi"],
  ["رئيسي", "raisi"],
  ["ابراهيم رئيسى", "raisi"],
  // Eshraqi
  ["Eshragi", "eshraqi"],
  ["Ishraqi", "eshraqi"],
  ["Morteza Eshraghy", "eshraqi"],
  ["اشراقى", "eshraqi"],
  // Mobasheri
  ["Mobashery", "mobasheri"],
  ["Mubasheri", "mobasheri"],
  ["مبشري", "mobasheri"],
  // Khomeini
  ["Khomeyni", "khomeini"],
  ["Khomeiny", "khomeini"],
  ["Ayatollah Rouhollah Khomeyni", "khomeini"],
  ["خمینی", "khomeini"],
  ["روح الله خميني", "khomeini"],
  // Montazeri
  ["Montazery", "montazeri"],
  ["Ayatollah Hosein-Ali Montazeri", "montazeri"],
  ["منتظری", "montazeri"],
  // Nouri
  ["Hamid Noori", "nouri"],
  ["Nuri", "nouri"],
  ["نوری", "nouri"],
  // Khamenei
  ["Khamenehi", "khamenei"],
  ["Khamene'i", "khamenei"],
  ["خامنه ای", "khamenei"],
  // Avayi
  ["Ali Reza Avaee", "avayi"],
  ["Alireza Avaie", "avayi"],
  ["آوائی", "avayi"],
  // Distractors are names too
  ["Musavi", "x-mousavi"],
  ["Mir Hosein Musavi", "x-mousavi"],
  ["موسوی", "x-mousavi"],
  ["Rezaee", "x-rezaei"],
  ["رضائی", "x-rezaei"],
  ["Masood Rajavi", "x-rajavi"],
  // Places and organisations
  ["Gohar Dasht", "Gohardasht Prison"],
  ["Gowhardasht", "Gohardasht Prison"],
  ["گوهر دشت", "Gohardasht Prison"],
  ["Rajaee Shahr", "Gohardasht Prison"],
  ["Khavaran", "Khavaran cemetery"],
  ["Khawaran", "Khavaran cemetery"],
  ["Evin", "Evin Prison"],
  ["اوین", "Evin Prison"],
  ["Dezfoul", "Dezful"],
  ["Kirmanshah", "Kermanshah"],
  ["Mojahedin-e Khalgh", "People's Mojahedin Organization of Iran"],
  ["Komaleh", "Komala"],
  ["Toudeh", "Tudeh Party of Iran"],
  ["Fadaiyan", "Organization of Iranian People's Fedai Guerrillas"],
  // A full word of the name
  ["Raisi", "raisi"],
  ["Ebrahim", "raisi"],
  ["Mostafa", "pourmohammadi"],
];

/** Autocomplete: the start of a name → a candidate that must be among the matches. */
export const PREFIXES: [query: string, expected: string][] = [
  ["Pourmoh", "pourmohammadi"],
  ["Pour Moh", "pourmohammadi"],
  ["Montaz", "montazeri"],
  ["Eshra", "eshraqi"],
  ["Khome", "khomeini"],
  ["Mobash", "mobasheri"],
  ["Gohard", "Gohardasht Prison"],
  ["Ebrahim Rai", "raisi"],
  ["پورمح", "pourmohammadi"],
  ["منتظ", "montazeri"],
];

/** Query → a candidate that must NOT reach the default threshold. */
export const NEGATIVES: [query: string, notExpected: string][] = [
  ["Nouri", "nayyeri"],
  ["Nayyeri", "nouri"],
  ["Nayeri", "nouri"],
  ["نوری", "nayyeri"],
  ["نیری", "nouri"],
  ["Hamid Nouri", "nayyeri"],
  ["Raisi", "x-rajavi"],
  ["Rajavi", "raisi"],
  ["Raisi", "x-rezaei"],
  ["Rezaei", "raisi"],
  ["Pourmohammadi", "x-mohammadi"],
  ["Pourmohammadi", "x-ali-mohammadi"],
  ["Mohammadi", "pourmohammadi"],
  ["Khomeini", "khamenei"],
  ["Khamenei", "khomeini"],
  ["Khomeini", "x-khomami"],
  ["خمینی", "khamenei"],
  ["Nasseri", "nayyeri"],
  ["Ashrafi", "eshraqi"],
  ["Eshraqi", "x-ashrafi"],
  ["Montazeri", "mobasheri"],
  ["Mobasheri", "montazeri"],
  ["Hossein-Ali Montazeri", "nayyeri"],
  ["Ali Khamenei", "mobasheri"],
  ["Mousavi", "x-rezaei"],
  ["Evin", "avayi"],
  ["Tehran", "Evin Prison"],
  ["Kermanshah", "Khavaran cemetery"],
];

/** Queries that must not reach the default threshold against any record candidate. */
export const UNRELATED: string[] = ["Smith", "John Smith", "Tabriz", "Zahra Ahmadi", "Hassan Rouhani", "حسن روحانی", "Mehdi Karroubi", "Shiraz"];
