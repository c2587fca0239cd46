import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { GradeBadge } from "@/app/_components/grading";
import { orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { listClaims } from "@/lib/claims";
import { RELIABILITY } from "@/lib/review/schemas";
import { GRADE_COLOURS, RangeChart } from "../_components/range-chart";

type Props = { params: Promise<{ topic: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const TOPIC = /^[a-z0-9][a-z0-9-]{0,79}$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { topic } = await params;
  const t = await getTranslations("claims");
  return { title: t.has(`topics.${topic}`) ? t(`topics.${topic}`) : t("title") };
}

export default async function ClaimTopicPage({ params, searchParams }: Props) {
  const { topic } = await params;
  if (!TOPIC.test(topic)) notFound();
  const sp = await searchParams;
  const scaleParam = param(sp.scale);
  const scaleKind = scaleParam === "linear" || scaleParam === "log" ? scaleParam : undefined;
  const actor = await requirePageActor(`/claims/${topic}`);
  const [claims, t, format, locale] = await Promise.all([orHttpError(listClaims({ actor, query: { topic } })), getTranslations(), getFormatter(), getLocale()]);
  if (claims.length === 0) notFound();
  const num = (n: number) => format.number(n);
  const year = (n: number) => format.number(n, { useGrouping: false });
  const topicTitle = t.has(`claims.topics.${topic}`) ? t(`claims.topics.${topic}`) : topic;
  const range = (low: number | null, high: number | null) =>
    low !== null && high !== null ? (low === high ? num(low) : `${num(low)}–${num(high)}`) : low !== null ? t("claims.atLeast", { n: num(low) }) : t("claims.atMost", { n: num(high ?? 0) });
  const values = claims.flatMap((c) => [c.low, c.high].filter((v): v is number => v !== null));
  const isLog = scaleKind ? scaleKind === "log" : Math.max(...values) / Math.max(1, Math.min(...values.filter((v) => v > 0))) >= 5;
  return (
    <>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/sources">{t("sources.title")}</Link>
        <Link href="/claims">{t("claims.title")}</Link>
      </nav>
      <h1 data-testid="claims-topic-title">{topicTitle}</h1>
      <p className="lead">{t("claims.intro", { count: claims.length })}</p>

      <section className="panel" aria-labelledby="chart-heading">
        <h2 id="chart-heading">{t("claims.chartHeading")}</h2>
        <p className="muted">
          {isLog ? t("claims.logNote") : t("claims.linearNote")}{" "}
          <Link href={`/claims/${topic}?scale=${isLog ? "linear" : "log"}`} data-testid="scale-toggle">
            {isLog ? t("claims.showLinear") : t("claims.showLog")}
          </Link>
        </p>
        <div style={{ overflowX: "auto" }}>
          <RangeChart
            claims={claims}
            rtl={locale === "fa"}
            num={num}
            year={year}
            scaleKind={isLog ? "log" : "linear"}
            labels={{
              title: t("claims.chartTitle", { topic: topicTitle, count: claims.length }),
              axis: isLog ? t("claims.axisLog") : t("claims.axisLinear"),
              atLeast: (n) => t("claims.atLeast", { n }),
              atMost: (n) => t("claims.atMost", { n }),
              ungraded: t("grading.ungraded"),
              sourceGrade: (g) => t("claims.sourceGrade", { grade: g }),
            }}
          />
        </div>
        <ul aria-label={t("claims.legend")} data-testid="chart-legend" style={{ listStyle: "none", padding: 0, display: "flex", flexWrap: "wrap", gap: "0.4rem 1.1rem", fontSize: "0.86rem" }}>
          {[...RELIABILITY, "none"].map((k) => (
            <li key={k} style={{ display: "inline-flex", alignItems: "center", gap: "0.35rem" }}>
              <svg width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" rx="3" fill={GRADE_COLOURS[k]} />
              </svg>
              {k === "none" ? t("grading.ungraded") : `${k} — ${t(`grading.reliability.${k}.name`)}`}
            </li>
          ))}
        </ul>
        <p className="hint">{t("claims.legendShapes")}</p>
      </section>

      <section className="panel" aria-labelledby="table-heading">
        <h2 id="table-heading">{t("claims.tableHeading")}</h2>
        <div className="table-wrap">
          <table className="table" data-testid="claims-table">
            <thead>
              <tr>
                <th scope="col">{t("claims.claimedBy")}</th>
                <th scope="col" className="num">
                  {t("claims.year")}
                </th>
                <th scope="col" className="num">
                  {t("claims.estimate")}
                </th>
                <th scope="col">{t("claims.note")}</th>
                <th scope="col">{t("claims.source")}</th>
                <th scope="col">{t("sources.grade")}</th>
              </tr>
            </thead>
            <tbody>
              {claims.map((c) => (
                <tr key={c.id} data-testid="claim-row" data-claim-id={c.id}>
                  <th scope="row">
                    <bdi>{c.claimedBy}</bdi>
                  </th>
                  <td className="num">{c.year ? year(c.year) : "—"}</td>
                  <td className="num" style={{ whiteSpace: "nowrap" }}>
                    {/* In the reader's direction: a Persian range reads from the right, as in the chart. */}
                    <span>{range(c.low, c.high)}</span>
                  </td>
                  <td>
                    <bdi>{[c.assertion, c.note].filter(Boolean).join(" — ")}</bdi>
                  </td>
                  <td>
                    {c.source ? (
                      <Link href={`/sources/${c.source.id}`} dir="auto">
                        {c.source.title}
                      </Link>
                    ) : (
                      <span className="muted">{t("claims.noSource")}</span>
                    )}
                  </td>
                  <td>
                    <GradeBadge reliability={c.source?.reliability} credibility={c.source?.credibility} testId="claim-grade" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
