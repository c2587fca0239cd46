import type { ReactNode } from "react";

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
