import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { DateText } from "@/app/(app)/_components/registry/dates";
import { getCalendar } from "@/app/_lib/calendar";
import { DateTime } from "@/app/_components/badges";
import { GradeBadge } from "@/app/_components/grading";
import { RecordHistory } from "@/app/_components/record-history";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { listClaimsForSource } from "@/lib/claims";
import { getSource } from "@/lib/sources";
import { GradeForm } from "./_components/grade-form";
import { gradeSourceAction } from "../actions";
import { ClientMessages } from "@/app/_components/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sources"))("source") };
}

export default async function SourcePage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(`/sources/${id}`);
  const [s, claims, t, format, calendar, rawLocale] = await Promise.all([
    orHttpError(getSource({ actor, sourceId: id })),
    listClaimsForSource({ actor, sourceId: id }),
    getTranslations(),
    getFormatter(),
    getCalendar(),
    getLocale(),
  ]);
  const fact = (key: string, value: React.ReactNode) =>
    value === null || value === "" ? null : (
      <div>
        <dt>{t(`sources.fields.${key}`)}</dt>
        <dd>{value}</dd>
      </div>
    );
  return (
    <ClientMessages namespaces={["sources", "grading"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/sources">{t("sources.title")}</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1 dir="auto" data-testid="source-title">
            {s.title}
          </h1>
          <div className="badges">
            <GradeBadge reliability={s.reliability} credibility={s.credibility} testId="source-grade" />
          </div>
        </div>
        {can(actor, "source.edit") && (
          <div className="page-actions">
            <Link href={`/sources/${s.id}/edit`} className="button" data-testid="edit-source">
              {t("sources.edit")}
            </Link>
          </div>
        )}
      </div>

      <dl className="facts" data-testid="source-facts">
        {fact("author", s.author ? <bdi>{s.author}</bdi> : "")}
        {fact("year", s.year === null ? null : format.number(s.year, { useGrouping: false }))}
        {s.date && s.dateUnreadable ? (
          // Recorded as free text before dates were read: shown as typed, and said to be so.
          <div className="wide" data-testid="source-date-unreadable">
            <dt>{t("sources.fields.date")}</dt>
            <dd>
              <bdi dir="auto" data-testid="source-date">
                {s.date}
              </bdi>
              <p className="hint hint-date-to-fix" data-testid="source-date-notice">
                {t("sources.dateUnreadable")}
                {can(actor, "source.edit") && (
                  <>
                    {" "}
                    <Link href={`/sources/${s.id}/edit`} data-testid="fix-source-date">
                      {t("sources.fixDate")}
                    </Link>
                  </>
                )}
              </p>
            </dd>
          </div>
        ) : (
          fact("date", s.date ? <DateText input={s.date} calendar={calendar} locale={rawLocale === "fa" ? "fa" : "en"} testId="source-date" /> : null)
        )}
        {fact("kind", s.kind ? <bdi>{s.kind}</bdi> : "")}
        {fact("citation", s.citation ? <bdi>{s.citation}</bdi> : "")}
        {fact(
          "url",
          s.url ? (
            <a href={s.url} rel="noopener noreferrer nofollow" target="_blank" dir="ltr">
              {s.url}
            </a>
          ) : (
            ""
          ),
        )}
        <div>
          <dt>{t("sources.claims")}</dt>
          <dd>{format.number(s.claimCount)}</dd>
        </div>
      </dl>

      {s.note && (
        <section className="panel">
          <h2>{t("sources.fields.note")}</h2>
          <p dir="auto" className="prose">
            {s.note}
          </p>
        </section>
      )}

      <section className="panel" aria-labelledby="grading-heading" data-testid="source-grading">
        <h2 id="grading-heading">{t("sources.grading")}</h2>
        {s.grade ? (
          <>
            <p>
              <GradeBadge reliability={s.reliability} credibility={s.credibility} testId="grading-badge" />{" "}
              <strong>{t(`grading.reliability.${s.reliability}.name`)}</strong> · <strong>{t(`grading.credibility.${s.credibility}.name`)}</strong>
            </p>
            <p className="muted">
              {t("sources.gradedBy", { name: s.gradedBy?.name ?? "" })} {s.gradedAt && <DateTime value={s.gradedAt} />}
            </p>
            <blockquote dir="auto" className="prose" data-testid="grading-reason">
              {s.gradingReason}
            </blockquote>
          </>
        ) : (
          <p className="muted" data-testid="not-graded">
            {t("sources.notGraded")}
          </p>
        )}
        {can(actor, "source.grade") && (
          <details className="disclosure" open={!s.grade}>
            <summary>{s.grade ? t("sources.regrade") : t("sources.gradeIt")}</summary>
            <GradeForm grade={gradeSourceAction.bind(null, s.id)} current={{ reliability: s.reliability ?? undefined, credibility: s.credibility ? String(s.credibility) : undefined }} />
          </details>
        )}
      </section>

      {claims.length > 0 && (
        <section className="panel" aria-labelledby="claims-heading" data-testid="source-claims">
          <h2 id="claims-heading">{t("sources.claimsFrom")}</h2>
          <ul>
            {claims.map((c) => (
              <li key={c.id}>
                <Link href={`/claims/${c.topic}`}>{t.has(`claims.topics.${c.topic}`) ? t(`claims.topics.${c.topic}`) : c.topic}</Link>
                {": "}
                <bdi>{c.claimedBy}</bdi>
                {c.year ? ` (${format.number(c.year, { useGrouping: false })})` : ""} —{" "}
                <bdi>
                  {c.low !== null && c.high !== null
                    ? c.low === c.high
                      ? format.number(c.low)
                      : `${format.number(c.low)}–${format.number(c.high)}`
                    : c.low !== null
                      ? t("claims.atLeast", { n: format.number(c.low) })
                      : t("claims.atMost", { n: format.number(c.high ?? 0) })}
                </bdi>
              </li>
            ))}
          </ul>
        </section>
      )}

      <RecordHistory actor={actor} recordType="Source" recordId={s.id} />
    </ClientMessages>
  );
}
