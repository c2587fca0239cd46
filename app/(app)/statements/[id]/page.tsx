import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { DateTime, FictionalBadge, ShortHash, StatusBadge } from "@/app/_components/badges";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getStatement } from "@/lib/statements/statements";
import { DetailFacts, DetailSections } from "../_components/statement-details";
import { StatementLinks } from "./_components/statement-links";
import { StatementText } from "./_components/statement-text";
import { ReviewPanel } from "./_components/review-panel";
import { ExhibitList } from "@/app/_components/exhibits/exhibit-list";
import { ExhibitUploader } from "@/app/_components/exhibits/exhibit-uploader";
import { maxUploadBytes } from "@/lib/exhibits/storage";
import { ClientMessages } from "@/app/_components/client-messages";
import { WitnessCode } from "@/app/_components/witness-code";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `${(await getTranslations("statements"))("statement")} ${id.slice(0, 8)}` };
}

export default async function StatementPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(`/statements/${id}`);
  const [s, t, format] = await Promise.all([orHttpError(getStatement({ actor, statementId: id })), getTranslations(), getFormatter()]);
  const lang = s.language;
  return (
    <ClientMessages namespaces={["links", "registry.autocomplete", "exhibits", "errors"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/statements">{t("nav.statements")}</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1 dir="auto" lang={lang} data-testid="statement-title">
            {s.title}
          </h1>
          <div className="badges">
            <StatusBadge status={s.status} />
            {s.fictional && <FictionalBadge />}
          </div>
        </div>
        {can(actor, "statement.edit", { authorId: s.authorId }) && (
          <div className="page-actions">
            <Link href={`/statements/${s.id}/edit`} className="button primary" data-testid="edit-statement">
              {t("statements.edit")}
            </Link>
          </div>
        )}
      </div>

      {s.fictional && (
        <aside className="note note-fictional" data-testid="fictional-note">
          {t("statements.fictionalNote")}
        </aside>
      )}

      <dl className="facts" data-testid="statement-facts">
        <div>
          <dt>{t("statements.witness")}</dt>
          <dd>
            <WitnessCode code={s.witness.code} href={`/witnesses/${s.witness.id}`} testId="witness-code" />
          </dd>
        </div>
        <div>
          <dt>{t("statements.language")}</dt>
          <dd>{t(`languages.${lang === "fa" ? "fa" : "en"}`)}</dd>
        </div>
        <div>
          <dt>{t("statements.author")}</dt>
          <dd data-testid="statement-author">
            <bdi>{s.author.name}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("statements.revision")}</dt>
          <dd data-testid="revision-number">{format.number(s.revisionNumber, { useGrouping: false })}</dd>
        </div>
        <div>
          <dt>{t("statements.updated")}</dt>
          <dd>
            <DateTime value={s.updatedAt} />
          </dd>
        </div>
        <DetailFacts details={s.details} interviewDate={s.interviewDate} />
      </dl>

      <ReviewPanel actor={actor} statementId={s.id} language={lang} />

      {s.summary && (
        <section className="panel">
          <h2>{t("statements.summary")}</h2>
          <p dir="auto" lang={lang} className="prose" data-testid="statement-summary">
            {s.summary}
          </p>
        </section>
      )}

      <section className="panel">
        <h2>{t("statements.originalText")}</h2>
        <StatementText actor={actor} statement={{ id: s.id, revisionNumber: s.revisionNumber, originalText: s.originalText, language: lang }} />
      </section>

      <StatementLinks actor={actor} statement={{ id: s.id, revisionNumber: s.revisionNumber, language: lang, authorId: s.authorId }} />

      <DetailSections details={s.details} />

      <section className="panel" aria-labelledby="exhibits-heading" data-testid="statement-exhibits">
        <h2 id="exhibits-heading">{t("statements.exhibits")}</h2>
        <ExhibitList statementId={s.id} />
        {can(actor, "exhibit.create") && <ExhibitUploader statementId={s.id} maxBytes={maxUploadBytes()} />}
      </section>

      <RevisionList statementId={s.id} current={s.revisionNumber} revisions={s.revisions} t={t} format={format} />
    </ClientMessages>
  );
}

type Revision = { id: string; number: number; reason: string; createdAt: Date; contentHash: string; author: { name: string } };

function RevisionList({
  statementId,
  current,
  revisions,
  t,
  format,
}: {
  statementId: string;
  current: number;
  revisions: Revision[];
  t: Awaited<ReturnType<typeof getTranslations>>;
  format: Awaited<ReturnType<typeof getFormatter>>;
}) {
  return (
    <section className="panel" aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">{t("statements.revisions")}</h2>
      <p className="muted">{t("statements.revisionsIntro")}</p>
      <div className="table-wrap">
        <table className="table" data-testid="revision-list">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("statements.revisionShort")}
              </th>
              <th scope="col">{t("statements.savedBy")}</th>
              <th scope="col">{t("statements.savedAt")}</th>
              <th scope="col">{t("statements.reason")}</th>
              <th scope="col">{t("statements.contentHash")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.id} data-testid="revision-row" data-revision={r.number}>
                <td className="num">
                  <Link href={`/statements/${statementId}/revisions/${r.number}`} aria-label={t("statements.viewRevision", { n: r.number })}>
                    {format.number(r.number, { useGrouping: false })}
                  </Link>
                  {r.number === current && <span className="badge badge-current">{t("statements.current")}</span>}
                </td>
                <td>
                  <bdi>{r.author.name}</bdi>
                </td>
                <td>
                  <DateTime value={r.createdAt} />
                </td>
                <td>
                  <bdi>{r.number === 1 && r.reason === "created" ? t("statements.reasonCreated") : r.reason}</bdi>
                </td>
                <td>
                  <ShortHash hash={r.contentHash} />
                </td>
                <td className="row-actions">
                  {r.number > 1 && (
                    <Link href={`/statements/${statementId}/compare?from=${r.number - 1}&to=${r.number}`} data-testid="compare-link">
                      {t("statements.comparePrevious")}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
