import styles from "./registry.module.css";

/**
 * A long text of a record and its Persian (a person's summary, a proceeding's charges): on a
 * Persian page the Persian first when given, then the English under it behind a label saying it
 * is the text as recorded in English; on an English page the English alone, or the Persian when
 * only that was given. Each paragraph is marked with its language and direction, so a Persian
 * text keeps its order inside an English page and the other way round.
 */
export function BothTexts({ en, fa, locale, inEnglish, testId }: { en: string; fa: string; locale: string; inEnglish: string; testId: string }) {
  const persian = (
    <p lang="fa" dir="rtl" className="prose" data-testid={`${testId}-fa`}>
      {fa}
    </p>
  );
  if (locale === "fa" && fa)
    return (
      <>
        {persian}
        {en && (
          <div className={styles.inEnglish}>
            <span className={styles.inEnglishLabel}>{inEnglish}</span>
            <p lang="en" dir="ltr" className="prose" data-testid={testId}>
              {en}
            </p>
          </div>
        )}
      </>
    );
  if (!en) return persian;
  return (
    <p dir="auto" className="prose" data-testid={testId}>
      {en}
    </p>
  );
}
