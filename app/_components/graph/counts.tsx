import { useTranslations } from "next-intl";
import type { Counts } from "@/lib/corroboration";
import styles from "./graph.module.css";

/** "2 verified witnesses · 1 unverified", the verified number drawn large. */
export function CountBadge({ counts, testId }: { counts: Counts; testId?: string }) {
  const t = useTranslations("allegations");
  return (
    <span className={styles.counts} data-testid={testId} data-verified={counts.verifiedWitnesses} data-unverified={counts.unverifiedWitnesses}>
      <span className={`${styles.verified}${counts.verifiedWitnesses === 0 ? ` ${styles.zero}` : ""}`}>{t("verifiedCount", { count: counts.verifiedWitnesses })}</span>
      {counts.unverifiedWitnesses > 0 && <span className={styles.unverified}>{t("unverifiedCount", { count: counts.unverifiedWitnesses })}</span>}
      {counts.needsReview > 0 && <span className={styles.needsReview}>{t("needsReviewCount", { count: counts.needsReview })}</span>}
    </span>
  );
}
