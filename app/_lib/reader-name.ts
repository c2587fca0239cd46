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
