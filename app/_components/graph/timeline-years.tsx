import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import type { getTimeline } from "@/lib/corroboration";
import type { RegistryFilter } from "@/lib/search/filter-options";
import { ALLEGATION_TYPES } from "@/lib/links/schemas";
import styles from "./graph.module.css";
import { bothNamesText, readerName, readerTitle } from "@/app/_lib/reader-name";

type Timeline = Awaited<ReturnType<typeof getTimeline>>;

/**
 * The overview above the timeline: how many dated events each year of the reader's calendar
 * has (every one, not only those drawn), each year a link that narrows the timeline to it, and
 * the same choice as a select for the keyboard, beside the filters a case is narrowed with
 * (person, allegation, place, proceeding, a period typed in either calendar); then what the
 * timeline shows of how many. A plain form: it works without scripts.
 */
export async function TimelineYears({
  timeline,
  year,
  hrefFor,
  hidden,
  clearPersonHref,
  clearFiltersHref,
  filters,
}: {
  timeline: Timeline;
  year: number | undefined;
  hrefFor: (year: number | undefined) => string;
  /** The other filters, kept when this form is sent (not `person` or `year`: the form sets those). */
  hidden: Record<string, string | undefined>;
  /** The page without the person filter. */
  clearPersonHref: string;
  /** The page without any of the timeline's filters. */
  clearFiltersHref: string;
  /** The period as typed, the places and proceedings to choose from (null: too many to list, a name is typed), names typed that found no single record, and each field's error. */
  filters: {
    from?: string;
    to?: string;
    place: RegistryFilter;
    proceeding: RegistryFilter;
    typedNames: Partial<Record<"place" | "proceeding", string>>;
    errors: Record<string, string>;
  };
}) {
  const [t, tl, locale] = await Promise.all([getTranslations("graph"), getTranslations("links.allegationTypes"), getLocale()]);
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
  const filtered = !!(timeline.allegationType || timeline.place || timeline.proceeding || filters.from || filters.to || Object.keys(filters.errors).length);
  const dayFmt = new Intl.DateTimeFormat(`${fa ? "fa-IR" : "en-GB"}-u-ca-${timeline.calendar === "persian" ? "persian" : "gregory"}`, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const readDay = (iso: string) => dayFmt.format(new Date(`${iso}T12:00:00Z`));
  const fieldError = (k: string) => (filters.errors[k] ? { "aria-invalid": true, "aria-describedby": `timeline-${k}-error` } : { "aria-describedby": k === "from" || k === "to" ? "timeline-dates-hint" : undefined });
  const errorText = (k: string) =>
    filters.errors[k] && (
      <p className="field-error" id={`timeline-${k}-error`} data-testid={`timeline-${k}-error`}>
        {filters.errors[k]}
      </p>
    );
  // A place or proceeding: a select while the registry is small enough to list, else a name typed (the page looks it up).
  const registryField = (key: "place" | "proceeding", f: RegistryFilter, current: { id: string; label: string } | null) => (
    <div className={styles.filterField}>
      <label htmlFor={`timeline-${key}`}>{t(key === "place" ? "filterPlace" : "filterProceeding")}</label>
      {f.choices ? (
        <select id={`timeline-${key}`} name={key} defaultValue={current?.id ?? ""} {...fieldError(key)}>
          <option value="">{t(key === "place" ? "allPlaces" : "allProceedings")}</option>
          {f.choices.map((o) => (
            <option key={o.id} value={o.id}>
              {/* A proceeding by both its titles, the reader's first, as every menu of proceedings lists it. */}
              {key === "proceeding" ? bothNamesText(o, locale) : readerName(o, locale)}
            </option>
          ))}
        </select>
      ) : (
        <input id={`timeline-${key}`} name={`${key}Name`} type="search" defaultValue={filters.typedNames[key] ?? current?.label ?? ""} maxLength={200} dir="auto" {...fieldError(key)} />
      )}
      {!f.choices && current && <input type="hidden" name={key} value={current.id} />}
      {errorText(key)}
    </div>
  );
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
      {/* The person and allegation filters are the matrix's (one of each in the address): given here too, so the timeline can be narrowed where it is read. */}
      <form method="get" action="/graph" className={styles.timelineFilters} data-testid="timeline-filter">
        {Object.entries(hidden).map(([k, v]) => v && <input key={k} type="hidden" name={k} value={v} />)}
        <div className={styles.filterField}>
          <label htmlFor="timeline-person">{t("filterPerson")}</label>
          <input id="timeline-person" name="person" type="search" defaultValue={timeline.person ?? ""} maxLength={200} placeholder={t("filterPersonHint")} dir="auto" />
        </div>
        <div className={styles.filterField}>
          <label htmlFor="timeline-type">{t("filter")}</label>
          <select id="timeline-type" name="allegationType" defaultValue={timeline.allegationType ?? ""}>
            <option value="">{t("allTypes")}</option>
            {ALLEGATION_TYPES.map((a) => (
              <option key={a} value={a}>
                {tl(a)}
              </option>
            ))}
          </select>
        </div>
        {registryField("place", filters.place, timeline.place && { id: timeline.place.id, label: readerName(timeline.place, locale) })}
        {registryField("proceeding", filters.proceeding, timeline.proceeding && { id: timeline.proceeding.id, label: readerTitle(timeline.proceeding, locale) })}
        <div className={styles.filterField}>
          <label htmlFor="timeline-from">{t("filterFrom")}</label>
          <input id="timeline-from" name="from" type="text" defaultValue={filters.from ?? ""} maxLength={100} placeholder={t("datePlaceholder")} dir="auto" {...fieldError("from")} />
          {errorText("from")}
        </div>
        <div className={styles.filterField}>
          <label htmlFor="timeline-to">{t("filterTo")}</label>
          <input id="timeline-to" name="to" type="text" defaultValue={filters.to ?? ""} maxLength={100} placeholder={t("datePlaceholder")} dir="auto" {...fieldError("to")} />
          {errorText("to")}
        </div>
        {years.length > 1 ? (
          <div className={styles.filterField}>
            <label htmlFor="timeline-year">{t("yearFilter")}</label>
            <select id="timeline-year" name="year" defaultValue={year ? String(year) : ""}>
              <option value="">{t("allYears")}</option>
              {years.map((y) => (
                <option key={y.year} value={y.year}>
                  {t("yearBar", { year: yearFmt.format(y.year), events: y.events })}
                </option>
              ))}
            </select>
          </div>
        ) : (
          year !== undefined && <input type="hidden" name="year" value={year} />
        )}
        <div className={styles.filterActions}>
          <button type="submit" className="button small">
            {t("show")}
          </button>
          {filtered && (
            <a href={clearFiltersHref} data-testid="timeline-clear">
              {t("timelineClearFilters")}
            </a>
          )}
        </div>
        <p className={`muted ${styles.filterHint}`} id="timeline-dates-hint">
          {t("timelineDatesHint")}
        </p>
      </form>
      {filtered && (
        <p className="note" data-testid="timeline-filters-note">
          {t("timelineFiltered")}{" "}
          {[
            timeline.allegationType && t("timelineFilterType", { type: tl(timeline.allegationType) }),
            timeline.place && t("timelineFilterPlace", { place: readerName(timeline.place, locale) }),
            timeline.proceeding && t("timelineFilterProceeding", { proceeding: readerTitle(timeline.proceeding, locale) }),
            timeline.period && t("timelineFilterPeriod", { from: timeline.period.from ? readDay(timeline.period.from) : "…", to: timeline.period.to ? readDay(timeline.period.to) : "…" }),
          ]
            .filter(Boolean)
            .join(t("timelineFilterJoin"))}
        </p>
      )}
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
