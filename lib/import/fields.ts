import { normalizeLatin, normalizePersian } from "@/lib/names";

// What each kind of import can fill in, which columns it cannot do without, and how a
// sheet's headers are guessed (English and Persian header names). Pure: used by the
// importer, the command line and the mapping screen.

export const IMPORT_KINDS = ["STATEMENTS", "WITNESSES", "PERSONS", "EVENTS", "PLACES", "SOURCES"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(s: string): s is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(s);
}

/**
 * The separators of a cell that holds several values (aliases, interviewers, places, files):
 * a vertical bar `|`, the Persian semicolon `؛`, or a line break inside the cell.
 */
export const MULTI_VALUE_SEPARATORS = /\s*(?:\||؛|\r?\n)\s*/;

export function splitMulti(cell: string | undefined): string[] {
  if (!cell) return [];
  return [...new Set(cell.split(MULTI_VALUE_SEPARATORS).map((s) => s.trim()).filter(Boolean))];
}

/**
 * A cell as Casefile's own CSV exports wrote it: they put an apostrophe before a text that starts
 * with =, +, -, @, a tab or a carriage return, so that a spreadsheet does not run it as a formula
 * (lib/transfer/csv.ts safeCell). Read back, the apostrophe is not part of the text.
 */
export function unguardCell(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

export type FieldSpec = {
  field: string;
  required?: boolean;
  multi?: boolean;
  /** Protected witness identity: encrypted, never shown back in a report or a log. */
  protected?: boolean;
  /** Header names that map to this field without asking (compared normalised). */
  guesses: string[];
};

const f = (field: string, guesses: string[], extra: Partial<FieldSpec> = {}): FieldSpec => ({ field, guesses, ...extra });

export const FIELDS: Record<ImportKind, FieldSpec[]> = {
  PERSONS: [
    // The persons CSV's id: a row that names a person by it is that person (names aside).
    f("id", ["id", "person id", "شناسه"]),
    f("name", ["name", "full name", "person", "نام", "نام کامل", "نام و نام خانوادگی", "شخص"], { required: true }),
    f("nameFa", ["name fa", "persian name", "name (fa)", "name in persian", "نام فارسی", "نام به فارسی"]),
    f("aliases", ["aliases", "alias", "also known as", "aka", "other names", "نام‌های دیگر", "نام های دیگر", "نام مستعار", "اسامی دیگر"], { multi: true }),
    f("summary", ["summary", "role", "role in 1988", "description", "خلاصه", "نقش", "شرح"]),
    f("summaryFa", ["summary fa", "summary (fa)", "persian summary", "summary in persian", "خلاصه فارسی", "خلاصه به فارسی"]),
    f("statusNotes", ["status notes", "status", "current status", "وضعیت", "وضعیت کنونی", "وضعیت فعلی"]),
    f("statusNotesFa", ["status notes fa", "status notes (fa)", "status (fa)", "persian status", "status in persian", "current status in persian", "وضعیت فارسی", "وضعیت به فارسی", "وضعیت کنونی به فارسی"]),
    f("source", ["source", "منبع"]),
    f("position", ["position", "post", "title", "سمت", "مقام"]),
    f("positionFa", ["position fa", "position (fa)", "persian position", "position in persian", "title fa", "persian title", "title (fa)", "سمت فارسی", "سمت به فارسی", "عنوان سمت به فارسی", "مقام به فارسی"]),
    f("institution", ["institution", "organisation", "organization", "نهاد", "سازمان"]),
    f("positionFrom", ["from", "position from", "start", "از", "از تاریخ"]),
    f("positionTo", ["to", "position to", "end", "تا", "تا تاریخ"]),
  ],
  PLACES: [
    f("name", ["name", "place", "نام", "مکان"], { required: true }),
    f("nameFa", ["name fa", "persian name", "name (fa)", "نام فارسی"]),
    f("aliases", ["aliases", "alias", "other names", "former names", "نام‌های دیگر", "نام های دیگر", "نام‌های پیشین"], { multi: true }),
    f("city", ["city", "town", "شهر"]),
    f("note", ["note", "notes", "یادداشت", "توضیحات"]),
  ],
  EVENTS: [
    f("title", ["title", "event", "عنوان", "رویداد"], { required: true }),
    f("titleFa", ["title fa", "persian title", "title (fa)", "عنوان فارسی"]),
    f("dateStart", ["date", "start date", "from", "تاریخ", "تاریخ شروع", "از"], { required: true }),
    f("dateEnd", ["end date", "to", "until", "تاریخ پایان", "تا"]),
    f("places", ["places", "place", "where", "مکان", "مکان‌ها", "مکان ها"], { multi: true }),
    f("description", ["description", "شرح", "توضیحات"]),
    f("source", ["source", "منبع"]),
  ],
  SOURCES: [
    f("title", ["title", "عنوان"], { required: true }),
    f("author", ["author", "by", "نویسنده", "پدیدآورنده"]),
    f("year", ["year", "سال"]),
    f("date", ["date", "تاریخ"]),
    f("kind", ["kind", "type", "نوع"]),
    f("citation", ["citation", "reference", "ارجاع", "استناد"]),
    f("url", ["url", "link", "address", "نشانی", "پیوند", "لینک"]),
    f("note", ["note", "notes", "یادداشت"]),
  ],
  WITNESSES: [
    f("protectionLevel", ["protection", "protection level", "سطح حفاظت", "حفاظت"]),
    f("notes", ["notes", "note", "یادداشت"]),
    f("legalName", ["legal name", "real name", "name", "نام قانونی", "نام واقعی", "نام"], { protected: true }),
    f("otherNames", ["other names", "aliases", "نام‌های دیگر", "نام های دیگر"], { protected: true }),
    f("birthDate", ["birth date", "date of birth", "born", "تاریخ تولد"], { protected: true }),
    f("contact", ["contact", "phone", "email", "تماس", "تلفن"], { protected: true }),
    f("currentLocation", ["current location", "location", "محل فعلی", "محل زندگی"], { protected: true }),
    f("relativesAtRisk", ["relatives at risk", "بستگان در خطر"], { protected: true }),
  ],
  STATEMENTS: [
    f("witness", ["witness", "witness code", "code", "شاهد", "کد شاهد"], { required: true }),
    f("title", ["title", "عنوان"], { required: true }),
    f("language", ["language", "lang", "زبان"], { required: true }),
    f("originalText", ["text", "statement", "original text", "testimony", "متن", "شهادت", "متن شهادت"], { required: true }),
    f("summary", ["summary", "خلاصه"]),
    f("interviewDate", ["interview date", "date", "تاریخ مصاحبه", "تاریخ"]),
    f("interviewPlace", ["interview place", "place of interview", "محل مصاحبه"]),
    f("interviewers", ["interviewers", "interviewer", "مصاحبه‌گر", "مصاحبه گر", "مصاحبه‌گران"], { multi: true }),
    f("periodCovered", ["period", "period covered", "دوره", "دوره زمانی"]),
    f("placesCovered", ["places", "places covered", "مکان‌ها", "مکان ها", "مکان"], { multi: true }),
    f("persons", ["persons", "persons named", "people", "named", "اشخاص", "افراد", "افراد نام‌برده"], { multi: true }),
    f("notes", ["notes", "note", "یادداشت"]),
    f("files", ["files", "file", "exhibits", "attachments", "فایل", "فایل‌ها", "پیوست"], { multi: true }),
  ],
};

export function fieldSpec(kind: ImportKind, field: string): FieldSpec | undefined {
  return FIELDS[kind].find((x) => x.field === field);
}

/** Header text as compared: case, spacing, punctuation, Persian letter forms and ZWNJ ignored. */
export function headerKey(h: string): string {
  return normalizeLatin(normalizePersian(h.replace(/^\uFEFF/, "")))
    .replace(/[_\-.:()]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Mapping: the sheet's header -> a field of the kind ("" = not imported). */
export type Mapping = Record<string, string>;

/**
 * An empty mapping without a prototype. Its keys are the sheet's headers, and on a plain object
 * a header named "__proto__" or "constructor" would read Object.prototype's own property instead
 * of the sheet's column (and "__proto__" could not even be set).
 */
export function emptyMapping(): Mapping {
  return Object.create(null) as Mapping;
}

/** The field a header is mapped to ("" when the mapping does not name the header). */
export function mappedField(mapping: Mapping, header: string): string {
  const field = Object.hasOwn(mapping, header) ? mapping[header] : "";
  return typeof field === "string" ? field : "";
}

/** The field each header most likely means; each field is given to one header at most. */
export function guessMapping(kind: ImportKind, headers: string[]): Mapping {
  const out = emptyMapping();
  const taken = new Set<string>();
  for (const h of headers) {
    const k = headerKey(h);
    // A header named exactly like the field (as our own templates and exports write it) wins.
    const spec = FIELDS[kind].find((s) => !taken.has(s.field) && (headerKey(s.field) === k || s.guesses.some((g) => headerKey(g) === k)));
    out[h] = spec ? spec.field : "";
    if (spec) taken.add(spec.field);
  }
  return out;
}

/** Required fields that no header is mapped to. */
export function missingRequired(kind: ImportKind, mapping: Mapping): string[] {
  const mapped = new Set(Object.values(mapping).filter(Boolean));
  return FIELDS[kind].filter((s) => s.required && !mapped.has(s.field)).map((s) => s.field);
}
