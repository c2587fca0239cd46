import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { DateTime, FictionalBadge, StatusBadge } from "@/app/_components/badges";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getRevision, getStatement, normalizeDetails } from "@/lib/statements/statements";
import { DetailFacts, DetailSections } from "../../../_components/statement-details";
import { RestoreRevisionForm } from "./_components/restore-form";
import { restoreRevisionAction } from "../../../actions";
import { ClientMessages } from "@/app/_components/client-messages";
import { WitnessCode } from "@/app/_components/witness-code";

type Props = { params: Promise<{ id: string; n: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { n } = await params;
  return { title: (await getTranslations("statements"))("revisionTitle", { n }) };
}

export default async function RevisionPage({ params }: Props) {
  const { id, n } = await params;
  if (!/^[1-9][0-9]{0,8}$/.test(n)) notFound();
  const number = Number(n);
  const actor = await requirePageActor(`/statements/${id}/revisions/${n}`);
  const [s, r, t, format] = await Promise.all([
    orHttpError(getStatement({ actor, statementId: id })),
    orHttpError(getRevision({ actor, statementId: id, number })),
    getTranslations(),
    getFormatter(),
  ]);
  const authorName = s.revisions.find((x) => x.number === number)?.author.name ?? "";
  const lang = r.language;
  const isCurrent = number === s.revisionNumber;
  const details = normalizeDetails(JSON.parse(r.details));
  return (
    <ClientMessages namespaces={["statements"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/statements">{t("nav.statements")}</Link>
        <Link href={`/statements/${s.id}`} dir="auto" lang={s.language}>
          {s.title}
        </Link>
      </nav>

      <div className={isCurrent ? "note" : "note note-warning"} role="note" data-testid="revision-notice">
        {isCurrent ? t("statements.revisionIsCurrent", { n: number }) : t("statements.revisionIsOld", { n: number, current: s.revisionNumber })}{" "}
        {!isCurrent && <Link href={`/statements/${s.id}`}>{t("statements.goToCurrent")}</Link>}
      </div>

      <h1 dir="auto" lang={lang} data-testid="statement-title">
        {r.title}
      </h1>
      <div className="badges">
        <StatusBadge status={s.status} />
        {s.fictional && <FictionalBadge />}
      </div>

      <dl className="facts">
        <div>
          <dt>{t("statements.witness")}</dt>
          <dd>
            <WitnessCode code={s.witness.code} href={`/witnesses/${s.witness.id}`} testId="witness-code" />
          </dd>
        </div>
        <div>
          <dt>{t("statements.revision")}</dt>
          <dd data-testid="revision-number">{format.number(r.number, { useGrouping: false })}</dd>
        </div>
        <div>
          <dt>{t("statements.savedBy")}</dt>
          <dd>
            <bdi>{authorName}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("statements.savedAt")}</dt>
          <dd>
            <DateTime value={r.createdAt} />
          </dd>
        </div>
        <div>
          <dt>{t("statements.language")}</dt>
          <dd>{t(`languages.${lang === "fa" ? "fa" : "en"}`)}</dd>
        </div>
        <DetailFacts details={details} interviewDate={r.interviewDate} />
        <div className="wide">
          <dt>{t("statements.reason")}</dt>
          <dd data-testid="revision-reason">
            <bdi>{r.number === 1 && r.reason === "created" ? t("statements.reasonCreated") : r.reason}</bdi>
          </dd>
        </div>
        <div className="wide">
          <dt>{t("statements.contentHash")}</dt>
          <dd>
            <code className="hash hash-full" dir="ltr" data-testid="content-hash">
              {r.contentHash}
            </code>
          </dd>
        </div>
      </dl>

      {r.summary && (
        <section className="panel">
          <h2>{t("statements.summary")}</h2>
          <p dir="auto" lang={lang} className="prose">
            {r.summary}
          </p>
        </section>
      )}
      <section className="panel">
        <h2>{t("statements.originalText")}</h2>
        <div dir="auto" lang={lang} className="testimony" data-testid="statement-text">
          {r.originalText}
        </div>
      </section>
      <DetailSections details={details} />

      {!isCurrent && can(actor, "statement.edit", { authorId: s.authorId }) && (
        <section className="panel" aria-labelledby="restore-heading" data-testid="restore-panel">
          <h2 id="restore-heading">{t("statements.restoreHeading")}</h2>
          <p className="muted">{t("statements.restoreIntro", { n: number, next: s.revisionNumber + 1 })}</p>
          <RestoreRevisionForm restore={restoreRevisionAction.bind(null, s.id, number)} number={number} baseRevision={s.revisionNumber} />
        </section>
      )}
    </ClientMessages>
  );
}
