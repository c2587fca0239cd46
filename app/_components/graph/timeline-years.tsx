import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import type { getTimeline } from "@/lib/corroboration";
import styles from "./graph.module.css";

type Timeline = Awaited<ReturnType<typeof getTimeline>>;

/**
 * The overview above the timeline: how many dated events each year of the reader's calendar
 * has (every one, not only those drawn), each year a link that narrows the timeline to it, and
 * the same choice as a select for the keyboard, beside the person filter; then what the
 * timeline shows of how many.
 */
export async function TimelineYears({
  timeline,
  year,
  hrefFor,
  hidden,
  clearPersonHref,
}: {
  timeline: Timeline;
  year: number | undefined;
  hrefFor: (year: number | undefined) => string;
  /** The other filters, kept when this form is sent (not `person` or `year`: the form sets those). */
  hidden: Record<string, string | undefined>;
  /** The page without the person filter. */
  clearPersonHref: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("graph"), getLocale()]);
  const fa = locale === "fa";
  const yearFmt = new Intl.NumberFormat(fa ? "fa-IR" : "en-GB", { useGrouping: false });
  const { years, totals, events, persons } = timeline;
  const max = Math.max(1, ...years.map((y) => y.events));
  const cut = totals.events > events.length || totals.persons > persons.length;
  // Labels on every year while they fit; else on every 5th or 10th.
  const yearSpan = years.length ? years[years.length - 1]!.year - years[0]!.year + 1 : 0;
  // Years without events between others are drawn empty, so that gaps show, unless the span is
  // so long that only the years with events can be drawn.
  const labelEvery = Math.max(yearSpan, years.length) > 60 ? 10 : Math.max(yearSpan, years.length) > 20 ? 5 : 1;
  const counts = new Map(years.map((y) => [y.year, y.events]));
  const slots = yearSpan <= 80 ? Array.from({ length: yearSpan }, (_, i) => ({ year: years[0]!.year + i, events: counts.get(years[0]!.year + i) ?? 0 })) : years;
  return (
    <div className={styles.years} data-testid="timeline-years">
      {years.length > 1 && (
        <>
          <h3 className={styles.listHead}>{t("yearsHeading")}</h3>
          <p className="muted">{t(timeline.person ? "yearsIntroPerson" : "yearsIntro")}</p>
          <ol className={styles.yearBars} aria-label={t("yearsHeading")}>
            {slots.map((y) => {
              const label = t("yearBar", { year: yearFmt.format(y.year), events: y.events });
              const tick = (
                <span className={styles.yearTick} aria-hidden="true">
                  {y.year % labelEvery === 0 ? yearFmt.format(y.year) : ""}
                </span>
              );
              if (y.events === 0)
                return (
                  <li key={y.year} className={styles.yearItem} title={label}>
                    <span className={styles.yearLink} />
                    {tick}
                  </li>
                );
              return (
                <li key={y.year} className={styles.yearItem}>
                  <Link
                    href={hrefFor(y.year === year ? undefined : y.year)}
                    className={styles.yearLink}
                    aria-label={label}
                    title={label}
                    aria-current={y.year === year ? "true" : undefined}
                    data-testid="timeline-year-bar"
                    data-year={y.year}
                    data-events={y.events}
                  >
                    <span className={styles.yearBar} style={{ blockSize: `${Math.max(4, Math.round((y.events / max) * 100))}%` }} aria-hidden="true" />
                  </Link>
                  {tick}
                </li>
              );
            })}
          </ol>
        </>
      )}
      {/* The person filter is the matrix's (one `person` in the address): given here too, so the timeline can be narrowed where it is read. */}
      <form method="get" action="/graph" className="inline-form" data-testid="timeline-filter">
        {Object.entries(hidden).map(([k, v]) => v && <input key={k} type="hidden" name={k} value={v} />)}
        <label htmlFor="timeline-person">{t("filterPerson")}</label>
        <input id="timeline-person" name="person" type="search" defaultValue={timeline.person ?? ""} maxLength={200} placeholder={t("filterPersonHint")} dir="auto" />
        {years.length > 1 ? (
          <>
            <label htmlFor="timeline-year">{t("yearFilter")}</label>
            <select id="timeline-year" name="year" defaultValue={year ? String(year) : ""} style={{ inlineSize: "auto" }}>
              <option value="">{t("allYears")}</option>
              {years.map((y) => (
                <option key={y.year} value={y.year}>
                  {t("yearBar", { year: yearFmt.format(y.year), events: y.events })}
                </option>
              ))}
            </select>
          </>
        ) : (
          year !== undefined && <input type="hidden" name="year" value={year} />
        )}
        <button type="submit" className="button small">
          {t("show")}
        </button>
      </form>
      {timeline.person && (
        <p className="note" data-testid="timeline-person-note">
          {t("timelineForPerson", { person: timeline.person })}{" "}
          <Link href={clearPersonHref} data-testid="timeline-person-clear">
            {t("timelineForPersonClear")}
          </Link>
        </p>
      )}
      <p className="muted" data-testid="timeline-showing" data-events={events.length} data-events-total={totals.events} data-persons={persons.length} data-persons-total={totals.persons}>
        {year !== undefined && <>{t("timelineInYear", { year: yearFmt.format(year) })} </>}
        {totals.events > events.length ? t("timelineShowingEvents", { events: events.length, eventTotal: totals.events }) : t("timelineAllEvents", { events: totals.events })}
        {totals.persons > 0 ? (
          <> {totals.persons > persons.length ? t("timelineShowingPersons", { persons: persons.length, personTotal: totals.persons }) : t("timelineAllPersons", { persons: totals.persons })}</>
        ) : (
          <> {t("timelineNoPositions")}</>
        )}
        {cut && <> {t("timelineNarrow")}</>}
      </p>
    </div>
  );
}
