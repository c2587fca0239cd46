import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { CorroborationMatrix } from "@/app/_components/graph/corroboration-matrix";
import { TimelineChart } from "@/app/_components/graph/timeline-chart";
import graph from "@/app/_components/graph/graph.module.css";
import { getCalendar } from "@/app/_lib/calendar";
import { orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { TimelineYears } from "@/app/_components/graph/timeline-years";
import { getGraph } from "@/lib/corroboration";
import { toAppError } from "@/lib/http";
import { fieldErrorMessage } from "@/lib/i18n/field-errors";
import type { Locale } from "@/lib/i18n/config";
import { resolveFilterName, searchFilterOptions, type RegistryFilterKind } from "@/lib/search/filter-options";
import { yearStart } from "@/lib/corroboration/timeline-axis";
import { ALLEGATION_TYPES } from "@/lib/links/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("graph"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GraphPage({ searchParams }: Props) {
  const actor = await requirePageActor("/graph");
  const sp = await searchParams;
  const raw = param(sp.allegationType);
  const allegationType = (ALLEGATION_TYPES as readonly string[]).includes(raw ?? "") ? raw : undefined;
  const span = param(sp.span) === "all" ? "all" : "events";
  // Free text as the registry searches take it (lib bounds it the same way); a year of the
  // reader's calendar, or none.
  const text = (v: string | string[] | undefined) => (param(v) ?? "").trim().slice(0, 200) || undefined;
  const person = text(sp.person);
  const event = text(sp.event);
  // The timeline's own filters: a place and a proceeding by id (or, for a registry too large
  // to list, by a name typed), and a period typed in either calendar (lib/dates reads it).
  const from = text(sp.from)?.slice(0, 100);
  const to = text(sp.to)?.slice(0, 100);
  const chosen: Partial<Record<"place" | "proceeding", string>> = { place: text(sp.place), proceeding: text(sp.proceeding) };
  const yearRaw = param(sp.year);
  // Dates typed win over a year chosen (the year bars clear them).
  const year = !from && !to && yearRaw && /^\d{1,4}$/.test(yearRaw) && Number(yearRaw) >= 1 && Number(yearRaw) <= 2999 ? Number(yearRaw) : undefined;
  const [calendar, t, locale] = await Promise.all([getCalendar(), getTranslations(), getLocale()]);
  const errors: Record<string, string> = {};
  const typedNames: Partial<Record<"place" | "proceeding", string>> = {};
  for (const [key, kind] of [["place", "places"], ["proceeding", "proceedings"]] as const) {
    const raw = param(sp[`${key}Name`]);
    // The name field emptied: the filter it held goes too.
    if (raw !== undefined && !raw.trim()) chosen[key] = undefined;
    const typed = text(raw);
    if (!typed) continue;
    const found = await orHttpError(resolveFilterName({ actor, kind: kind as RegistryFilterKind, text: typed, currentId: chosen[key] }));
    if (found.status === "one") chosen[key] = found.option.id;
    else {
      chosen[key] = undefined;
      typedNames[key] = typed;
      errors[key] = t(found.status === "none" ? "graph.filterNameNone" : "graph.filterNameSeveral", { text: typed });
    }
  }
  // The period of that year: its first day to the day before the next one begins.
  const period = year ? { from: yearStart(year, calendar), to: dayBefore(yearStart(year + 1, calendar)) } : { from, to };
  const timelineQuery: Record<string, string | undefined> = { ...period, calendar, person, allegationType, place: chosen.place, proceeding: chosen.proceeding };
  // A filter the timeline refuses (a date it cannot read, a period that ends before it starts, a
  // place that no longer exists) is said beside its field, and the timeline shown without it.
  const graphData = await orHttpError(
    getGraph({ actor, matrix: { allegationType, person, event }, timeline: timelineQuery }).catch(async (e) => {
      const app = toAppError(e);
      const bad = Object.keys(app?.fields ?? {}).filter((k) => ["from", "to", "place", "proceeding"].includes(k));
      if (app?.code !== "INVALID_INPUT" || !bad.length) throw e;
      for (const k of bad) errors[k] = app.fields![k]!.map((m: string) => fieldErrorMessage(m, locale as Locale)).join(" ");
      // A reversed period: neither end can be trusted.
      const drop = bad.includes("to") && !bad.includes("from") && app.fields!.to!.includes("date_range_reversed") ? [...bad, "from"] : bad;
      return getGraph({ actor, matrix: { allegationType, person, event }, timeline: { ...timelineQuery, ...Object.fromEntries(drop.map((k) => [k, undefined])) } });
    }),
  );
  const { matrix, timeline } = graphData;
  const options = await orHttpError(searchFilterOptions({ actor, chosen: { places: chosen.place, proceedings: chosen.proceeding }, locale }));
  const query = (patch: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    const merged = {
      allegationType,
      person,
      event,
      place: chosen.place,
      proceeding: chosen.proceeding,
      from,
      to,
      year: year ? String(year) : undefined,
      span: span === "all" ? "all" : undefined,
      ...patch,
    };
    for (const [k, v] of Object.entries(merged)) if (v) q.set(k, v);
    const s = q.toString();
    return s ? `/graph?${s}` : "/graph";
  };
  const filtered = !!(allegationType || person || event);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("graph.title")}</h1>
          <p className="lead">{t("graph.intro")}</p>
        </div>
      </div>
      {actor.role === "LEGAL" && <p className="note">{t("graph.legalNote")}</p>}

      <section className="panel" aria-labelledby="matrix-heading">
        <h2 id="matrix-heading">{t("graph.matrix")}</h2>
        <p className="muted">{t("graph.matrixIntro")}</p>
        <form method="get" action="/graph" className="inline-form" data-testid="matrix-filter">
          {/* Each label stays on the line of its field when the row wraps (a phone). */}
          <span className="inline-field">
            <label htmlFor="matrix-type">{t("graph.filter")}</label>
            <select id="matrix-type" name="allegationType" defaultValue={allegationType ?? ""} style={{ inlineSize: "auto" }}>
              <option value="">{t("graph.allTypes")}</option>
              {ALLEGATION_TYPES.map((a) => (
                <option key={a} value={a}>
                  {t(`links.allegationTypes.${a}`)}
                </option>
              ))}
            </select>
          </span>
          <span className="inline-field">
            <label htmlFor="matrix-person">{t("graph.filterPerson")}</label>
            <input id="matrix-person" name="person" type="search" defaultValue={person ?? ""} maxLength={200} placeholder={t("graph.filterPersonHint")} dir="auto" />
          </span>
          <span className="inline-field">
            <label htmlFor="matrix-event">{t("graph.filterEvent")}</label>
            <input id="matrix-event" name="event" type="search" defaultValue={event ?? ""} maxLength={200} placeholder={t("graph.filterEventHint")} dir="auto" />
          </span>
          {/* The timeline's filters, kept when the matrix's are changed. */}
          {Object.entries({ year: year ? String(year) : undefined, span: span === "all" ? "all" : undefined, place: chosen.place, proceeding: chosen.proceeding, from, to }).map(
            ([k, v]) => v && <input key={k} type="hidden" name={k} value={v} />,
          )}
          <button type="submit" className="button small">
            {t("graph.show")}
          </button>
          {filtered && (
            <Link href={query({ allegationType: undefined, person: undefined, event: undefined })} data-testid="matrix-clear">
              {t("graph.clearFilters")}
            </Link>
          )}
        </form>
        <CorroborationMatrix matrix={matrix} calendar={calendar} />
      </section>

      <section className="panel" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("graph.timeline")}</h2>
        <p className="muted">{t("graph.timelineIntro", { calendar: t(`graph.calendars.${calendar}`) })}</p>
        <nav className={graph.spanSwitch} aria-label={t("graph.spanLabel")}>
          <Link href={query({ span: undefined })} aria-current={span === "events" ? "true" : undefined}>
            {t("graph.spanEvents")}
          </Link>
          <span aria-hidden="true">·</span>
          <Link href={query({ span: "all" })} aria-current={span === "all" ? "true" : undefined}>
            {t("graph.spanAll")}
          </Link>
        </nav>
        <TimelineYears
          timeline={timeline}
          year={year}
          hrefFor={(y) => query({ year: y === undefined ? undefined : String(y), from: undefined, to: undefined })}
          hidden={{ event, span: span === "all" ? "all" : undefined }}
          clearPersonHref={query({ person: undefined })}
          clearFiltersHref={query({ person: undefined, allegationType: undefined, place: undefined, proceeding: undefined, from: undefined, to: undefined, year: undefined })}
          filters={{ from, to, place: options.places, proceeding: options.proceedings, typedNames, errors }}
        />
        <TimelineChart timeline={timeline} calendar={calendar} span={span} />
      </section>
    </>
  );
}

/** The ISO day before an ISO day. */
function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
