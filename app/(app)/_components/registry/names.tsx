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
