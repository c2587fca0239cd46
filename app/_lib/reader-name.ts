/**
 * Whether a Persian page names this record in Persian: it does whenever the record has a Persian
 * name. Pages that show both names put this one first and the Latin spelling (the court's) after it.
 */
export function readsPersian(item: { nameFa?: string | null }, locale: string): boolean {
  return locale === "fa" && !!item.nameFa;
}

/**
 * A record's name as the reader's interface speaks it: its Persian name on a Persian page when it
 * has one, else its canonical (Latin) name. For server pages and client components alike.
 */
export function readerName(item: { name: string; nameFa?: string | null }, locale: string): string {
  return readsPersian(item, locale) ? item.nameFa! : item.name;
}

/**
 * Whether a Persian page titles this record (an event, a position) in Persian: as readsPersian,
 * for a title and its Persian title.
 */
export function readsPersianTitle(item: { titleFa?: string | null }, locale: string): boolean {
  return readsPersian({ nameFa: item.titleFa }, locale);
}

/**
 * An event's or a position's title as the reader's interface speaks it (readerName for titles):
 * its Persian title on a Persian page when it has one, else its title as recorded.
 */
export function readerTitle(item: { title: string; titleFa?: string | null }, locale: string): string {
  return readsPersianTitle(item, locale) ? item.titleFa! : item.title;
}

/**
 * A record's two names as one line of plain text, for a choice menu's option (which can hold no
 * markup): the name the reader's interface reads first, the other after a dash, so a record is
 * found by either spelling; the one name when it has only one. Persons, places, events and
 * proceedings are listed alike.
 */
export function bothNamesText(item: { name: string; nameFa?: string | null }, locale: string): string {
  if (!item.nameFa) return item.name;
  return readsPersian(item, locale) ? `${item.nameFa} — ${item.name}` : `${item.name} — ${item.nameFa}`;
}

/** bothNamesText for a record with a title and a Persian title (an event, a proceeding). */
export function bothTitlesText(item: { title: string; titleFa?: string | null }, locale: string): string {
  return bothNamesText({ name: item.title, nameFa: item.titleFa }, locale);
}
