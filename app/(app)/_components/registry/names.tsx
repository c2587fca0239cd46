import type { ReactNode } from "react";
import { readsPersian } from "@/app/_lib/reader-name";

/** A name in Persian script: always marked as Persian and right-to-left, whatever the interface. */
export function FaText({ children, className, testId }: { children: ReactNode; className?: string; testId?: string }) {
  return (
    <span lang="fa" dir="rtl" className={className} data-testid={testId}>
      {children}
    </span>
  );
}

/** Alternative names inline, each isolated so a Persian spelling does not reorder its neighbours. */
export function NameList({ names }: { names: readonly string[] }) {
  return (
    <ul className="inline-list">
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
export function PositionTitle({ position, fa }: { position: { title: string; titleFa: string }; fa: boolean }) {
  return fa && position.titleFa ? (
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
          <span className="muted">({persian ? latin : fa})</span>
        </>
      )}
    </>
  );
}
