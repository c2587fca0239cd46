import { useLocale } from "next-intl";
import { useTranslations } from "@/lib/i18n/use-translations";
import type { Counts } from "@/lib/corroboration";
import styles from "./graph.module.css";

// A page shows many badges with the same few numbers (a person page has one per allegation
// group, mostly 0, 1 or 2 witnesses): each label is formatted once per locale, key and number
// and then reused, instead of running the plural message again for every badge. The interface
// text does not change while the server runs; the store is emptied if it ever grows large.
const labels = new Map<string, string>();
function label(t: ReturnType<typeof useTranslations<"allegations">>, locale: string, key: "verifiedCount" | "unverifiedCount" | "needsReviewCount", count: number): string {
  const k = `${locale}|${key}|${count}`;
  let s = labels.get(k);
  if (s === undefined) {
    s = t(key, { count });
    if (labels.size >= 2000) labels.clear();
    labels.set(k, s);
  }
  return s;
}

/** "2 verified witnesses · 1 unverified", the verified number drawn large. */
export function CountBadge({ counts, testId }: { counts: Counts; testId?: string }) {
  const t = useTranslations("allegations");
  const locale = useLocale();
  return (
    <span className={styles.counts} data-testid={testId} data-verified={counts.verifiedWitnesses} data-unverified={counts.unverifiedWitnesses}>
      <span className={`${styles.verified}${counts.verifiedWitnesses === 0 ? ` ${styles.zero}` : ""}`}>{label(t, locale, "verifiedCount", counts.verifiedWitnesses)}</span>
      {counts.unverifiedWitnesses > 0 && <span className={styles.unverified}>{label(t, locale, "unverifiedCount", counts.unverifiedWitnesses)}</span>}
      {counts.needsReview > 0 && <span className={styles.needsReview}>{label(t, locale, "needsReviewCount", counts.needsReview)}</span>}
    </span>
  );
}
