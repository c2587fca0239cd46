import Link from "next/link";
import { MAX_PAGE } from "@/lib/validation";
import styles from "./page-links.module.css";

/** The words PageLinks asks for: a server component's translator or a client component's. */
type PageText = (key: "common.firstPage" | "common.lastPage" | "common.previous" | "common.next" | "common.pageOf", values?: { page: number; pages: number }) => string;

/**
 * Links to the first, previous, next and last pages of a bounded list (a list page, or a list
 * on a record page), and where the reader is: plain links (no scripts needed), each reached
 * with Tab. `testId` names the parts: `${testId}`, `${testId}-first`, `-prev`, `-next`, `-last`.
 * With `onPage` (a list a client component loads, such as an allegation group's quotes) a click
 * is handed to it when scripts run, and the link is followed only without them.
 */
export function PageLinks({ page, pages, href, onPage, label, testId, t }: { page: number; pages: number; href: (page: number) => string; onPage?: (page: number) => void; label: string; testId: string; t: PageText }) {
  const link = (n: number, text: string, rel: string | undefined, part: string) =>
    n >= 1 && n <= pages && n !== page ? (
      <Link
        href={href(n)}
        rel={rel}
        className="button small"
        data-testid={`${testId}-${part}`}
        onClick={
          onPage &&
          ((e) => {
            e.preventDefault();
            onPage(n);
          })
        }
      >
        {text}
      </Link>
    ) : null;
  return (
    <nav className={styles.pageLinks} aria-label={label} data-testid={testId} data-page={page} data-pages={pages}>
      {link(1, t("common.firstPage"), undefined, "first")}
      {link(page - 1, t("common.previous"), "prev", "prev")}
      <span aria-current="page">{t("common.pageOf", { page, pages })}</span>
      {link(page + 1, t("common.next"), "next", "next")}
      {link(pages, t("common.lastPage"), undefined, "last")}
    </nav>
  );
}

/**
 * The page asked for in the address: a number, or the first page for anything else; a number
 * past what lib takes (MAX_PAGE) is read as MAX_PAGE, which lib answers with the last page.
 */
export function pageFromAddress(raw: string | undefined): number {
  const n = raw && /^\d{1,7}$/.test(raw.trim()) ? Number(raw.trim()) : 1;
  return n >= 1 ? Math.min(n, MAX_PAGE) : 1;
}
