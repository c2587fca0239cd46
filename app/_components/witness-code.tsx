import Link from "next/link";
import styles from "./witness-code.module.css";

/**
 * A witness's pseudonym code (W-0012), the one way pages draw it: one unit that never breaks
 * across lines (not at its hyphen either) and reads left to right, its W first, also inside a
 * Persian line (dir="ltr" isolates it from the text around it). A link to the witness when
 * `href` is given. `className` adds to the code's own look (say "muted").
 */
export function WitnessCode({ code, href, className, testId }: { code: string; href?: string; className?: string; testId?: string }) {
  const cls = `code ${styles.code}${className ? ` ${className}` : ""}`;
  return href ? (
    <Link href={href} className={cls} dir="ltr" translate="no" data-testid={testId}>
      {code}
    </Link>
  ) : (
    <span className={cls} dir="ltr" translate="no" data-testid={testId}>
      {code}
    </span>
  );
}
