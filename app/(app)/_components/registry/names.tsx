import type { ReactNode } from "react";
import { readerName, readsPersian, readsPersianTitle } from "@/app/_lib/reader-name";
import styles from "./registry.module.css";

/** A name in Persian script: always marked as Persian and right-to-left, whatever the interface. */
export function FaText({ children, className, testId }: { children: ReactNode; className?: string; testId?: string }) {
  return (
    <span lang="fa" dir="rtl" className={className} data-testid={testId}>
      {children}
    </span>
  );
}

/**
 * Alternative names inline, each isolated so a Persian spelling does not reorder its neighbours
 * (and, in a table, each kept whole on its line: globals.css .name-list).
 */
export function NameList({ names }: { names: readonly string[] }) {
  return (
    <ul className="inline-list name-list">
      {names.map((n) => (
        <li key={n}>
          <bdi dir="auto">{n}</bdi>
        </li>
      ))}
    </ul>
  );
}

/**
 * A position's title as the reader's interface has it: in Persian its Persian title when it has
 * one, else the title as recorded (usually English).
 */
export function PositionTitle({ position, locale }: { position: { title: string; titleFa: string }; locale: string }) {
  return readsPersianTitle(position, locale) ? (
    <bdi lang="fa" dir="rtl">
      {position.titleFa}
    </bdi>
  ) : (
    <bdi dir="auto">{position.title}</bdi>
  );
}

/**
 * A record's two names inline, the reader's first (readsPersian), the other after it in
 * parentheses, muted: on a Persian page the Persian name, then the Latin spelling a court uses.
 * `first` wraps the first name (a link to the record, say).
 */
export function BothNames({ item, locale, first = (n) => n }: { item: { name: string; nameFa: string }; locale: string; first?: (name: ReactNode) => ReactNode }) {
  const persian = readsPersian(item, locale);
  const latin = <bdi dir="ltr">{item.name}</bdi>;
  const fa = item.nameFa && (
    <bdi lang="fa" dir="rtl">
      {item.nameFa}
    </bdi>
  );
  return (
    <>
      {first(persian ? fa : latin)}
      {item.nameFa && (
        <>
          {" "}
          {/* The brackets inside the other name's isolate: outside it, a name that wraps in the
              other direction leaves its brackets on two lines, each facing the wrong way. */}
          <span className="muted">
            {persian ? (
              <bdi dir="ltr">({item.name})</bdi>
            ) : (
              <bdi lang="fa" dir="rtl">
                ({item.nameFa})
              </bdi>
            )}
          </span>
        </>
      )}
    </>
  );
}

/**
 * A record's page heading: the reader's name for it (readsPersian) as the h1 and the other name
 * under it. On a Persian page the Persian name, then the Latin spelling (the court's), muted;
 * elsewhere the Latin name with the Persian under it. Each name keeps its test id whichever leads.
 */
export function RecordHeading({ item, locale, testId, testIdFa }: { item: { name: string; nameFa: string }; locale: string; testId: string; testIdFa?: string }) {
  return (
    <div className={styles.titleBlock}>
      {readsPersian(item, locale) ? (
        <>
          <h1 lang="fa" dir="rtl" data-testid={testIdFa}>
            {item.nameFa}
          </h1>
          <bdi dir="ltr" className={styles.nameOther} data-testid={testId}>
            {item.name}
          </bdi>
        </>
      ) : (
        <>
          <h1 dir="auto" data-testid={testId}>
            {item.name}
          </h1>
          {item.nameFa && (
            <FaText className={styles.nameFa} testId={testIdFa}>
              {item.nameFa}
            </FaText>
          )}
        </>
      )}
    </div>
  );
}

/** A registry list's name column: the reader's name for the record (readerName). */
export function ListName({ item, locale }: { item: { name: string; nameFa: string }; locale: string }) {
  return <bdi lang={readsPersian(item, locale) ? "fa" : undefined}>{readerName(item, locale)}</bdi>;
}

/**
 * A registry list's column beside it: the other name. On a Persian page the Latin spelling of a
 * record listed by its Persian name (none for one listed by its Latin name already); else the Persian name.
 */
export function ListOtherName({ item, locale }: { item: { name: string; nameFa: string }; locale: string }) {
  if (readsPersian(item, locale)) return <bdi dir="ltr">{item.name}</bdi>;
  // Not read in Persian: an English page, or a record with no Persian name (then there is none to show).
  return item.nameFa ? <FaText>{item.nameFa}</FaText> : null;
}
