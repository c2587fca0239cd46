import { useTranslations } from "@/lib/i18n/use-translations";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { getCalendar } from "@/app/_lib/calendar";
import { formatFuzzyDate, type ParsedDate } from "@/lib/dates";
import type { StatementDetails } from "@/lib/statements/schemas";

/**
 * A date as the witness gave it, then as this reader's chosen calendar reads it (the calendar
 * switch; until they choose, Solar Hijri in the Persian interface and Gregorian in the English
 * one), with the span it allows on hover. Async so it reads the choice itself and the pages
 * that show dates need not pass it down.
 */
export async function FuzzyDateText({ value, raw }: { value: ParsedDate | null; raw?: string | null }) {
  const [t, rawLocale, calendar] = await Promise.all([getTranslations(), getLocale(), getCalendar()]);
  const locale = rawLocale === "fa" ? "fa" : "en";
  if (!value) return <bdi>{raw || t("common.none")}</bdi>;
  let reading: string | null = null;
  try {
    reading = formatFuzzyDate(value, { calendar, locale });
  } catch {
    reading = null; // a malformed stored span: show what was typed, nothing invented
  }
  return (
    <span className="fuzzy-date" title={`${value.earliest} … ${value.latest}`} data-calendar={calendar}>
      <bdi>{value.input}</bdi>
      {reading && reading !== value.input && (
        <span className="date-reading" data-testid="date-reading">
          {t("statements.dateReading", { date: reading })}
        </span>
      )}
    </span>
  );
}

/** The facts a revision records besides its text; empty ones are left out, except the interview date. */
export function DetailFacts({ details, interviewDate }: { details: StatementDetails; interviewDate: string | null }) {
  const t = useTranslations();
  return (
    <>
      <div>
        <dt>{t("statements.interviewDate")}</dt>
        <dd data-testid="interview-date">
          <FuzzyDateText value={details.interviewDate} raw={interviewDate} />
        </dd>
      </div>
      {details.interviewPlace && (
        <div>
          <dt>{t("statements.interviewPlace")}</dt>
          <dd>
            <bdi>{details.interviewPlace}</bdi>
          </dd>
        </div>
      )}
      {details.mode && (
        <div>
          <dt>{t("statements.mode")}</dt>
          <dd>{t(`statements.modes.${details.mode}`)}</dd>
        </div>
      )}
      {details.relation && (
        <div>
          <dt>{t("statements.relation")}</dt>
          <dd>{t(`statements.relations.${details.relation}`)}</dd>
        </div>
      )}
      {details.interviewers.length > 0 && (
        <div>
          <dt>{t("statements.interviewers")}</dt>
          <dd>
            <BdiList items={details.interviewers} />
          </dd>
        </div>
      )}
      {details.periodCovered && (
        <div>
          <dt>{t("statements.periodCovered")}</dt>
          <dd>
            <FuzzyDateText value={details.periodCovered} />
          </dd>
        </div>
      )}
      {details.placesCovered.length > 0 && (
        <div className="wide">
          <dt>{t("statements.placesCovered")}</dt>
          <dd>
            <BdiList items={details.placesCovered} />
          </dd>
        </div>
      )}
    </>
  );
}

function BdiList({ items }: { items: string[] }) {
  return (
    <ul className="inline-list">
      {items.map((x, i) => (
        <li key={i}>
          <bdi>{x}</bdi>
        </li>
      ))}
    </ul>
  );
}

/** Translations and working notes, below the original text. */
export function DetailSections({ details }: { details: StatementDetails }) {
  const t = useTranslations();
  return (
    <>
      {details.translations.map((tr, i) => (
        <section className="panel" key={i} data-testid="statement-translation">
          <h2>{t("statements.translationHeading", { language: tr.language })}</h2>
          <p className="muted">
            {t("statements.translatedBy")} <bdi>{tr.translator}</bdi>
            {tr.date && (
              <>
                {" "}
                <FuzzyDateText value={tr.date} />
              </>
            )}
          </p>
          <div dir="auto" lang={tr.language} className="testimony">
            {tr.text}
          </div>
        </section>
      ))}
      {details.notes && (
        <section className="panel">
          <h2>{t("statements.notes")}</h2>
          <p dir="auto" className="prose" data-testid="statement-notes">
            {details.notes}
          </p>
        </section>
      )}
    </>
  );
}
