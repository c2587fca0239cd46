import { getLocale, getTranslations } from "@/lib/i18n/server";
import { readDate } from "@/app/(app)/_components/registry/dates";
import type { getTimeline } from "@/lib/corroboration";
import { axisTicks, daysBetween, inCalendar, wholeMonths, wholeYears, yearLabelStep } from "@/lib/corroboration/timeline-axis";
import type { Calendar } from "@/lib/i18n/calendar";
import styles from "./graph.module.css";
import { readerName, readerTitle } from "@/app/_lib/reader-name";

type Timeline = Awaited<ReturnType<typeof getTimeline>>;

const W = 960;
const LABEL_W = 220;
const PAD = 12;
const AXIS_H = 46;
const ROW_H = 26;
const HEAD_H = 30;
const BAR_H = 12;
const CHAR_W = 6.6; // at 12px: enough to decide whether a label fits
const EVENT_ROW_H = 36; // event titles get two lines in the label column

/**
 * Events as bars (a span) or dots (a day) on a time axis in the reader's calendar, and below
 * them the positions persons held, one row per person. In Persian the axis runs right to left
 * and the names stand on the right. An SVG picture with a title, a description and a <title>
 * on every mark, followed by the same facts as a list.
 */
export async function TimelineChart({ timeline, calendar, span }: { timeline: Timeline; calendar: Calendar; span: "events" | "all" }) {
  const [t, locale] = await Promise.all([getTranslations("graph"), getLocale()]);
  const fa = locale === "fa";
  const rtl = fa;
  const today = new Date().toISOString().slice(0, 10);
  const { events, persons } = timeline;
  if (!timeline.range) return <p className="empty" data-testid="timeline-empty">{t(timeline.allegationType || timeline.place || timeline.proceeding || timeline.period ? "timelineNoMatchFilters" : timeline.person ? "timelineNoMatch" : "timelineEmpty")}</p>;

  // The period shown: around the events, or everything, widened to whole years of the calendar.
  const eventDates = events.flatMap((e) => [e.earliest, e.latest]).filter((x): x is string => !!x).sort();
  const allDates = [...eventDates, ...persons.flatMap((p) => p.positions.flatMap((x) => [x.fromEarliest, x.toLatest ?? today]))].filter((x): x is string => !!x).sort();
  // Within a chosen period (a year), never beyond it: positions held for decades are cut at its edges.
  const { period } = timeline;
  const clamp = (d: string) => (period?.from && d < period.from ? period.from : period?.to && d > period.to ? period.to : d);
  const basis = (span === "events" && eventDates.length ? eventDates : allDates).map(clamp);
  // Up to three years: whole months, every month ticked. Longer: whole years, labels thinned.
  const short = daysBetween(basis[0]!, basis[basis.length - 1]!) <= 3 * 366;
  const byMonth = short ? wholeMonths(basis[0]!, basis[basis.length - 1]!, calendar) : null;
  const byYear = short ? null : wholeYears(basis[0]!, basis[basis.length - 1]!, calendar);
  const range = byMonth ?? byYear!;
  const total = daysBetween(range.from, range.to);
  const ticks = axisTicks(range.from, range.to, calendar, short);
  const monthEvery = (byMonth?.months ?? 0) > 15 ? 3 : 1;
  const yearEvery = byYear ? yearLabelStep(byYear.years) : 1;
  const firstYear = inCalendar(range.from, calendar).year;

  const plotLeft = rtl ? PAD : LABEL_W + PAD;
  const plotRight = rtl ? W - LABEL_W - PAD : W - PAD;
  const plotW = plotRight - plotLeft;
  const frac = (iso: string) => Math.min(1, Math.max(0, daysBetween(range.from, iso) / total));
  const x = (iso: string) => (rtl ? plotRight - frac(iso) * plotW : plotLeft + frac(iso) * plotW);
  const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const sgn = rtl ? -1 : 1;
  const labelX = rtl ? W - PAD : PAD;

  const yearFmt = new Intl.NumberFormat(fa ? "fa-IR" : "en-GB", { useGrouping: false });
  const monthFmt = new Intl.DateTimeFormat(`${fa ? "fa-IR" : "en-GB"}-u-ca-${calendar === "persian" ? "persian" : "gregory"}`, { month: "short", timeZone: "UTC" });
  const monthLabel = (iso: string) => monthFmt.format(new Date(`${iso}T12:00:00Z`));
  // Dates as the reader's calendar reads them (what was typed when it cannot be read).
  const read = (d: string | null) => readDate(d, { calendar, locale: fa ? "fa" : "en" }) ?? "";
  const dates = (a: string | null, b: string | null) => (b && b !== a ? `${read(a)} – ${read(b)}` : read(a));

  // Rows: a heading, one row per event, a heading, one row per person. A section with no rows
  // (no shown person holds a dated position, or the period has no events) has no heading either.
  let y = AXIS_H + 8;
  const eventsHeadY = y;
  if (events.length) y += HEAD_H;
  const eventRows = events.map((e) => ({ e, y: (y += EVENT_ROW_H) - EVENT_ROW_H }));
  if (events.length && persons.length) y += 10;
  const positionsHeadY = y;
  if (persons.length) y += HEAD_H;
  const personRows = persons.map((p) => ({ p, y: (y += ROW_H) - ROW_H }));
  const height = y + PAD;

  // A label beside a mark: after its end (in reading direction) or else before its start, only
  // where it stays inside the plot and clear of the row's other bars and labels; else none
  // (every mark has its <title>, and the list below has every fact).
  type Span = [number, number];
  const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];
  const placeLabel = (s: number, e: number, text: string, taken: Span[]) => {
    const need = text.length * CHAR_W + 8;
    const lo = Math.min(s, e);
    const hi = Math.max(s, e);
    const after: Span = rtl ? [lo - need, lo - 2] : [hi + 2, hi + need];
    const before: Span = rtl ? [hi + 2, hi + need] : [lo - need, lo - 2];
    for (const [span, where] of [[after, "after"], [before, "before"]] as const) {
      if (span[0] < plotLeft || span[1] > plotRight) continue;
      if (taken.some((t) => overlaps(t, span))) continue;
      taken.push(span);
      return where === "after" ? { x: (rtl ? lo : hi) + 6 * sgn, anchor: "start" as const } : { x: (rtl ? hi : lo) - 6 * sgn, anchor: "end" as const };
    }
    return null;
  };

  const positionsCount = persons.reduce((a, p) => a + p.positions.length, 0);
  const titleId = "timeline-title";
  const descId = "timeline-desc";

  return (
    <figure className={styles.timelineFigure}>
      {/* A box that scrolls sideways on a phone (graph.module.css): focusable, so the keyboard scrolls it too. */}
      <div className={styles.timelineScroll} tabIndex={0} role="region" aria-labelledby={titleId} data-testid="timeline-scroll">
        <svg
          viewBox={`0 0 ${W} ${height}`}
          className={styles.timeline}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          direction={rtl ? "rtl" : "ltr"}
          data-testid="timeline"
          data-calendar={calendar}
        >
          <title id={titleId}>{t("timelineLabel", { events: events.length, positions: positionsCount })}</title>
          <desc id={descId}>{t("timelineIntro", { calendar: t(`calendars.${calendar}`) })}</desc>

          {/* The axis: year starts and, for short spans, month starts; labels only where they fit. */}
          <g className={styles.axis}>
            {short && ticks[0] && !ticks[0].major && (
              <text x={x(range.from) + 4 * sgn} y={14} className={styles.yearLabel} textAnchor="start">
                {yearFmt.format(firstYear)}
              </text>
            )}
            {ticks.map((tk) => {
              const tx = x(tk.iso);
              const room = frac(tk.iso) < 0.96;
              const yearLabel = tk.major && room && tk.year % yearEvery === 0;
              const monthLabelShown = short && room && (tk.month - 1) % monthEvery === 0;
              return (
                <g key={tk.iso} data-testid={tk.major ? "timeline-year" : "timeline-month"}>
                  <line x1={tx} x2={tx} y1={tk.major ? 2 : 22} y2={height - PAD} className={tk.major ? styles.gridMajor : styles.gridMinor} />
                  {yearLabel && (
                    <text x={tx + 4 * sgn} y={14} className={styles.yearLabel} textAnchor="start">
                      {yearFmt.format(tk.year)}
                    </text>
                  )}
                  {monthLabelShown && (
                    <text x={tx + 3 * sgn} y={AXIS_H - 6} className={styles.monthLabel} textAnchor="start">
                      {monthLabel(tk.iso)}
                    </text>
                  )}
                </g>
              );
            })}
            <line x1={plotLeft} x2={plotRight} y1={AXIS_H} y2={AXIS_H} className={styles.axisLine} />
          </g>

          {events.length > 0 && (
            <text x={labelX} y={eventsHeadY + 20} className={styles.sectionLabel} textAnchor="start" data-testid="timeline-events-heading">
              {t("events")}
            </text>
          )}
          {eventRows.map(({ e, y: ry }) => {
            const s = x(e.earliest!);
            const end = x(nextDay(e.latest ?? e.earliest!));
            const title = readerTitle(e, locale);
            const label = t("eventLabel", { title, dates: dates(e.dateStart, e.dateEnd) });
            const width = Math.abs(end - s);
            const mid = ry + EVENT_ROW_H / 2;
            const lines = wrap(title, Math.floor((LABEL_W - PAD) / CHAR_W), 2);
            return (
              <g key={e.id} data-testid="timeline-event">
                <title>{label}</title>
                <line x1={plotLeft} x2={plotRight} y1={mid} y2={mid} className={styles.rowGuide} />
                <text x={labelX} y={mid + 4 - (lines.length - 1) * 7} textAnchor="start" className={styles.eventLabel}>
                  {lines.map((l, i) => (
                    <tspan key={i} x={labelX} dy={i === 0 ? 0 : 14}>
                      {l}
                    </tspan>
                  ))}
                </text>
                {width < 6 ? (
                  <circle cx={(s + end) / 2} cy={mid} r={5.5} className={styles.eventMark} />
                ) : (
                  <rect x={Math.min(s, end)} y={mid - BAR_H / 2} width={width} height={BAR_H} rx={3} className={styles.eventMark} />
                )}
              </g>
            );
          })}

          {persons.length > 0 && (
            <text x={labelX} y={positionsHeadY + 20} className={styles.sectionLabel} textAnchor="start" data-testid="timeline-positions-heading">
              {t("positions")}
            </text>
          )}
          {personRows.map(({ p, y: ry }) => {
            const name = readerName(p, locale);
            const bars = p.positions
              .map((pos) => {
                const from = pos.fromEarliest!;
                const to = pos.toLatest ?? today;
                if (to < range.from || from >= range.to) return null;
                const s = x(from);
                const end = x(nextDay(to));
                return { pos, s, end, clippedStart: from < range.from, clippedEnd: nextDay(to) > range.to, span: [Math.min(s, end), Math.max(s, end)] as Span };
              })
              .filter((b) => b !== null);
            const taken: Span[] = bars.map((b) => b.span);
            return (
              <g key={p.id} data-testid="timeline-person" data-linked={p.linked}>
                <line x1={plotLeft} x2={plotRight} y1={ry + ROW_H / 2} y2={ry + ROW_H / 2} className={styles.rowGuide} />
                <text x={labelX} y={ry + ROW_H / 2 + 4} textAnchor="start" className={p.linked ? styles.personLabelLinked : styles.personLabel}>
                  {name}
                </text>
                {bars.map(({ pos, s, end, clippedStart, clippedEnd }) => {
                  const title = readerTitle(pos, locale);
                  const label = t("positionLabel", { person: name, title, dates: `${read(pos.fromDate)} – ${pos.toDate ? read(pos.toDate) : t("ongoing")}` });
                  const width = Math.max(3, Math.abs(end - s));
                  const inside = width > title.length * CHAR_W + 12;
                  const place = inside ? null : placeLabel(s, end, title, taken);
                  return (
                    <g key={pos.id}>
                      <title>{label}</title>
                      <rect
                        x={Math.min(s, end)}
                        y={ry + (ROW_H - BAR_H) / 2}
                        width={width}
                        height={BAR_H}
                        rx={clippedStart || clippedEnd ? 0 : 3}
                        className={p.linked ? styles.positionLinked : styles.position}
                      />
                      {clippedStart && <path d={chevron(s, ry + ROW_H / 2, -sgn)} className={styles.clip} />}
                      {clippedEnd && <path d={chevron(end, ry + ROW_H / 2, sgn)} className={styles.clip} />}
                      {(inside || place) && (
                        <text
                          x={inside ? (s + end) / 2 : place!.x}
                          y={ry + ROW_H / 2 + 4}
                          textAnchor={inside ? "middle" : place!.anchor}
                          className={inside ? styles.barLabelInside : styles.markLabel}
                        >
                          {title}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className={styles.timelineCaption}>
        <span className={styles.legendItem}>
          <span className={`${styles.swatch} ${styles.swatchEvent}`} aria-hidden="true" />
          {t("events")}
        </span>
        {persons.length > 0 && (
          <span className={styles.legendItem}>
            <span className={`${styles.swatch} ${styles.swatchLinked}`} aria-hidden="true" />
            <span className={`${styles.swatch} ${styles.swatchPosition}`} aria-hidden="true" />
            {t("linked")}
          </span>
        )}
      </figcaption>
      <details className={styles.details}>
        <summary>{t("asList")}</summary>
        {events.length > 0 && (
          <>
            <h3 className={styles.listHead}>{t("events")}</h3>
            <ul data-testid="timeline-list-events">
              {events.map((e) => (
                <li key={e.id}>
                  <bdi>{readerTitle(e, locale)}</bdi> — <bdi dir={fa ? "rtl" : "ltr"}>{dates(e.dateStart, e.dateEnd)}</bdi>
                </li>
              ))}
            </ul>
          </>
        )}
        {persons.length > 0 && (
          <>
            <h3 className={styles.listHead}>{t("positions")}</h3>
            <ul data-testid="timeline-list-positions">
              {persons.flatMap((p) =>
                p.positions.map((pos) => (
                  <li key={pos.id}>
                    <bdi>{readerName(p, locale)}</bdi>: <bdi>{readerTitle(pos, locale)}</bdi> — <bdi dir={fa ? "rtl" : "ltr"}>{read(pos.fromDate)}</bdi> – {pos.toDate ? <bdi dir={fa ? "rtl" : "ltr"}>{read(pos.toDate)}</bdi> : t("ongoing")}
                  </li>
                )),
              )}
            </ul>
          </>
        )}
      </details>
    </figure>
  );
}

/** Words into at most `max` lines of about `width` characters; the last one shortened with "…" if need be. */
function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const w of text.split(/\s+/)) {
    if (line && (line + " " + w).length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]!.slice(0, Math.max(1, width - 1))}…`;
  return kept;
}

/** A small arrowhead at a bar cut off by the edge of the period shown, pointing out of it. */
function chevron(x: number, y: number, dir: number): string {
  const d = 5 * dir;
  return `M ${x} ${y - 6} L ${x + d} ${y} L ${x} ${y + 6} Z`;
}
