/**
 * A record's name as the reader's interface speaks it: its Persian name on a Persian page when it
 * has one, else its canonical (Latin) name. For server pages and client components alike.
 */
export function readerName(item: { name: string; nameFa?: string | null }, locale: string): string {
  return (locale === "fa" && item.nameFa) || item.name;
}
