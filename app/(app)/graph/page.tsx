import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { CorroborationMatrix } from "@/app/_components/graph/corroboration-matrix";
import { TimelineChart } from "@/app/_components/graph/timeline-chart";
import graph from "@/app/_components/graph/graph.module.css";
import { getCalendar } from "@/app/_lib/calendar";
import { orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { getCorroborationMatrix, getTimeline } from "@/lib/corroboration";
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
  const [matrix, timeline, calendar, t] = await Promise.all([
    orHttpError(getCorroborationMatrix({ actor, query: { allegationType } })),
    orHttpError(getTimeline({ actor })),
    getCalendar(),
    getTranslations(),
  ]);
  const query = (patch: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    const merged = { allegationType, span: span === "all" ? "all" : undefined, ...patch };
    for (const [k, v] of Object.entries(merged)) if (v) q.set(k, v);
    const s = q.toString();
    return s ? `/graph?${s}` : "/graph";
  };
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
          {span === "all" && <input type="hidden" name="span" value="all" />}
          <button type="submit" className="button small">
            {t("graph.show")}
          </button>
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
        <TimelineChart timeline={timeline} calendar={calendar} span={span} />
      </section>
    </>
  );
}
