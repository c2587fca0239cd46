import type { ReactNode } from "react";
import styles from "./registry.module.css";

/**
 * One section of a registry record page (a person, a proceeding…): a panel with a heading.
 * Pages end their main column with a marked spot where further sections are inserted, e.g.
 * `<RegistrySection id="allegations" title={t("…")}>…</RegistrySection>` or a component
 * that renders one.
 */
export function RegistrySection({ id, title, children, actions, testId }: { id: string; title: ReactNode; children: ReactNode; actions?: ReactNode; testId?: string }) {
  const headingId = `${id}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId} id={id} data-testid={testId ?? `section-${id}`}>
      <div className={styles.sectionHead}>
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
