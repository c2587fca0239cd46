import { useTranslations } from "@/lib/i18n/use-translations";
import styles from "./grading.module.css";

// Admiralty (NATO) two-axis grading: source reliability A–F and information credibility 1–6.

/** "B2", coloured by the reliability letter, with both meanings in the tooltip and for screen readers. */
export function GradeBadge({ reliability, credibility, testId = "grade" }: { reliability: string | null | undefined; credibility: number | null | undefined; testId?: string }) {
  const t = useTranslations("grading");
  if (!reliability || !credibility)
    return (
      <span className={`${styles.grade} ${styles.none}`} data-testid={testId} data-grade="">
        {t("ungraded")}
      </span>
    );
  const meaning = `${t(`reliability.${reliability}.name`)} · ${t(`credibility.${credibility}.name`)}`;
  return (
    <span className={`${styles.grade} ${styles[`g${reliability}`] ?? ""}`} title={meaning} data-testid={testId} data-grade={`${reliability}${credibility}`} dir="ltr">
      {reliability}
      {credibility}
      <span className="visually-hidden"> ({meaning})</span>
    </span>
  );
}
