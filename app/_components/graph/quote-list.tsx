import Link from "next/link";
import { useTranslations } from "@/lib/i18n/use-translations";
import { StatusBadge } from "@/app/_components/badges";
import type { Quote } from "@/lib/corroboration";
import styles from "./graph.module.css";
import { WitnessCode } from "@/app/_components/witness-code";

/**
 * The exact quotes behind a count: each with its witness code, revision and offsets, and a link
 * to that revision. Rendered on the server (a proceeding's evidence) and in the browser (a
 * person's allegation group, loaded when it is opened: allegation-quotes.tsx), so its text
 * comes from the "allegations" and "statuses" namespaces only; a quote's `label` (its role and
 * allegation, as the event page shows them) comes translated by the caller.
 */
export function QuoteList({ quotes, person }: { quotes: (Quote & { person?: { name: string; nameFa: string }; label?: string })[]; person?: boolean }) {
  const t = useTranslations("allegations");
  return (
    <ul className={styles.quotes} data-testid="allegation-quotes">
      {quotes.map((q) => (
        <li key={q.linkId} className={`${styles.quoteItem}${q.anchor === "NEEDS_REVIEW" ? ` ${styles.quoteReview}` : ""}`} data-testid="allegation-quote">
          <blockquote dir="auto" lang={q.language} className={styles.quote}>
            {q.quote}
          </blockquote>
          <p className={styles.quoteSource}>
            {person && q.person && (
              <strong>
                <bdi>{q.person.name}</bdi>
              </strong>
            )}
            {q.label && <span data-testid="quote-allegation">{q.label}</span>}
            <WitnessCode code={q.witnessCode} />
            <span>{t("quoteSource", { n: q.revisionNumber, start: q.startOffset, end: q.endOffset })}</span>
            <StatusBadge status={q.statementStatus} />
            {q.anchor === "NEEDS_REVIEW" && <span className={`badge ${styles.reviewBadge}`}>{t("quoteNeedsReview")}</span>}
            <Link href={`/statements/${q.statementId}/revisions/${q.revisionNumber}`} data-testid="quote-revision-link">
              {t("openRevision", { n: q.revisionNumber })}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
