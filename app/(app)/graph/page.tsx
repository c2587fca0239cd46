import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { CorroborationMatrix } from "@/app/_components/graph/corroboration-matrix";
import { TimelineChart } from "@/app/_components/graph/timeline-chart";
import graph from "@/app/_components/graph/graph.module.css";
import { getCalendar } from "@/app/_lib/calendar";
import { orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { TimelineYears } from "@/app/_components/graph/timeline-years";
import { getGraph } from "@/lib/corroboration";
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
  const yearRaw = param(sp.year);
  const year = yearRaw && /^\d{1,4}$/.test(yearRaw) && Number(yearRaw) >= 1 && Number(yearRaw) <= 2999 ? Number(yearRaw) : undefined;
  const calendar = await getCalendar();
  // The period of that year: its first day to the day before the next one begins.
  const period = year ? { from: yearStart(year, calendar), to: dayBefore(yearStart(year + 1, calendar)) } : {};
  const [{ matrix, timeline }, t] = await Promise.all([
    orHttpError(getGraph({ actor, matrix: { allegationType, person, event }, timeline: { ...period, calendar, person } })),
    getTranslations(),
  ]);
  const query = (patch: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    const merged = { allegationType, person, event, year: year ? String(year) : undefined, span: span === "all" ? "all" : undefined, ...patch };
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
          <label htmlFor="matrix-type">{t("graph.filter")}</label>
          <select id="matrix-type" name="allegationType" defaultValue={allegationType ?? ""} style={{ inlineSize: "auto" }}>
            <option value="">{t("graph.allTypes")}</option>
            {ALLEGATION_TYPES.map((a) => (
              <option key={a} value={a}>
                {t(`links.allegationTypes.${a}`)}
              </option>
            ))}
          </select>
          <label htmlFor="matrix-person">{t("graph.filterPerson")}</label>
          <input id="matrix-person" name="person" type="search" defaultValue={person ?? ""} maxLength={200} placeholder={t("graph.filterPersonHint")} dir="auto" />
          <label htmlFor="matrix-event">{t("graph.filterEvent")}</label>
          <input id="matrix-event" name="event" type="search" defaultValue={event ?? ""} maxLength={200} placeholder={t("graph.filterEventHint")} dir="auto" />
          {year && <input type="hidden" name="year" value={year} />}
          {span === "all" && <input type="hidden" name="span" value="all" />}
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
        <TimelineYears timeline={timeline} year={year} hrefFor={(y) => query({ year: y === undefined ? undefined : String(y) })} hidden={{ allegationType, event, span: span === "all" ? "all" : undefined }} clearPersonHref={query({ person: undefined })} />
        <TimelineChart timeline={timeline} calendar={calendar} span={span} />
      </section>
    </>
  );
}

/** The ISO day before an ISO day. */
function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
