import type { Metadata } from "next";
import { RecordHistory } from "@/app/_components/record-history";
import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { DateTime } from "@/app/_components/badges";
import { DateText } from "@/app/(app)/_components/registry/dates";
import { BothNames, FaText } from "@/app/(app)/_components/registry/names";
import { RegistrySection } from "@/app/(app)/_components/registry/section";
import { BothTexts } from "@/app/(app)/_components/registry/both-texts";
import styles from "@/app/(app)/_components/registry/registry.module.css";
import { getCalendar } from "@/app/_lib/calendar";
import { orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getActor } from "@/lib/auth/session";
import { readerTitle, readsPersianTitle } from "@/app/_lib/reader-name";
import { getProceeding } from "@/lib/proceedings";
import { ProceedingEvidence } from "@/app/_components/graph/proceeding-evidence";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const actor = await getActor();
  const p = actor ? await getProceeding({ actor, proceedingId: id }).catch(() => null) : null;
  return { title: p ? readerTitle(p, await getLocale()) : (await getTranslations("proceedings"))("proceeding") };
}

/**
 * One of a proceeding's texts (court, jurisdiction, status) as the reader's interface has it: on
 * a Persian page the Persian text first when given, the English (the court's language) on its own
 * line under it, so a long text does not wrap its way into the other; on an English page the
 * English, or the Persian when only that was given.
 */
function Both({ en, fa, locale, none }: { en: string; fa: string; locale: "en" | "fa"; none: string }) {
  if (!en && !fa) return <span className="muted">{none}</span>;
  if (!en) return <FaText>{fa}</FaText>;
  if (locale === "fa" && fa)
    return (
      <>
        <FaText>{fa}</FaText>
        <span className={styles.otherLanguage}>
          <bdi lang="en" dir="ltr">
            {en}
          </bdi>
        </span>
      </>
    );
  return <bdi>{en}</bdi>;
}

/**
 * A proceeding's record. The main column is a stack of RegistrySection panels; sections from
 * other parts of the graph (allegations and evidence linked to this proceeding…) are added at
 * the marked spot at its end, one component each.
 */
export default async function ProceedingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const saved = param(sp.saved) === "1";
  const actor = await requirePageActor(`/proceedings/${id}`);
  const [p, t, calendar, rawLocale] = await Promise.all([orHttpError(getProceeding({ actor, proceedingId: id })), getTranslations(), getCalendar(), getLocale()]);
  const locale = rawLocale === "fa" ? "fa" : "en";
  const kind = t.has(`proceedings.kinds.${p.kind}`) ? t(`proceedings.kinds.${p.kind}`) : p.kind;
  const fa = locale === "fa";
  const none = t("common.none");
  return (
    <>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/proceedings">{t("nav.proceedings")}</Link>
      </nav>
      <div className="page-head">
        <div className={styles.titleBlock}>
          <span className={styles.recordKind}>{kind}</span>
          {readsPersianTitle(p, locale) ? (
            <>
              <h1 lang="fa" dir="rtl" data-testid="proceeding-title-fa">
                {p.titleFa}
              </h1>
              <bdi dir="ltr" className={styles.nameOther} data-testid="proceeding-title">
                {p.title}
              </bdi>
            </>
          ) : (
            <h1 dir="auto" data-testid="proceeding-title">
              {p.title}
            </h1>
          )}
        </div>
        {can(actor, "registry.edit") && (
          <div className="page-actions">
            <Link href={`/proceedings/${p.id}/edit`} className="button primary" data-testid="edit-proceeding">
              {t("proceedings.edit")}
            </Link>
            {can(actor, "dossier.edit") && <Link href={`/dossiers/new?proceeding=${p.id}`} className="button" data-testid="build-dossier">{t("dossiers.buildDossier")}</Link>}
          </div>
        )}
      </div>
      {saved && (
        <div className="banner banner-ok" role="status" data-testid="form-ok">
          {t("registry.saved")}
        </div>
      )}

      <dl className="facts" data-testid="proceeding-facts">
        <div>
          <dt>{t("proceedings.jurisdiction")}</dt>
          <dd data-testid="proceeding-jurisdiction">
            <Both en={p.jurisdiction} fa={p.jurisdictionFa} locale={locale} none={none} />
          </dd>
        </div>
        <div>
          <dt>{t("proceedings.court")}</dt>
          <dd data-testid="proceeding-court">
            <Both en={p.court} fa={p.courtFa} locale={locale} none={none} />
          </dd>
        </div>
        <div>
          <dt>{t("proceedings.docket")}</dt>
          <dd>{p.docket ? <bdi className="code">{p.docket}</bdi> : <span className="muted">{t("common.none")}</span>}</dd>
        </div>
        <div>
          <dt>{t("proceedings.status")}</dt>
          <dd data-testid="proceeding-status">
            <Both en={p.status} fa={p.statusFa} locale={locale} none={none} />
          </dd>
        </div>
      </dl>

      <div data-testid="proceeding-main">
        <RegistrySection id="defendants" title={t("proceedings.defendants")}>
          {p.defendants.length === 0 ? (
            <p className="muted">{t("proceedings.noDefendants")}</p>
          ) : (
            <ul className="recent-list" data-testid="defendant-list">
              {p.defendants.map((d) => (
                <li key={d.id}>
                  <BothNames
                    item={d}
                    locale={locale}
                    first={(name) => (
                      <Link href={`/persons/${d.id}`} data-testid="defendant-link">
                        {name}
                      </Link>
                    )}
                  />
                </li>
              ))}
            </ul>
          )}
        </RegistrySection>

        {(p.charges || p.chargesFa) && (
          <RegistrySection id="charges" title={t("proceedings.charges")}>
            <BothTexts en={p.charges} fa={p.chargesFa} locale={locale} inEnglish={t("proceedings.inEnglish")} testId="proceeding-charges" />
          </RegistrySection>
        )}

        <RegistrySection id="timeline" title={t("proceedings.timeline")}>
          {p.timeline.length === 0 ? (
            <p className="muted">{t("proceedings.noTimeline")}</p>
          ) : (
            <ol className={styles.timeline} data-testid="timeline">
              {p.timeline.map((e) => (
                <li key={e.id} data-testid="timeline-entry">
                  <span className={styles.timelineDate}>
                    <DateText input={e.date} calendar={calendar} locale={locale} />
                  </span>
                  {fa && e.whatFa ? (
                    <>
                      <bdi lang="fa" dir="rtl" data-testid="timeline-what-fa">
                        {e.whatFa}
                      </bdi>
                      <div className={styles.otherLanguage}>
                        <bdi lang="en" dir="ltr" data-testid="timeline-what">
                          {e.what}
                        </bdi>
                      </div>
                    </>
                  ) : (
                    <bdi dir="auto" data-testid="timeline-what">
                      {e.what}
                    </bdi>
                  )}
                  {e.source && (
                    <div className={styles.timelineSource}>
                      {t("proceedings.entrySource")}: <bdi>{e.source}</bdi>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
        </RegistrySection>

        {/* graph sections are added here: one component per section, e.g. <ProceedingAllegations proceedingId={p.id} />, each rendering a <RegistrySection>. */}
        <ProceedingEvidence proceedingId={p.id} page={param(sp.evidencePage)} />
      </div>

      <dl className="facts">
        {p.source && (
          <div className="wide">
            <dt>{t("proceedings.source")}</dt>
            <dd>
              <bdi>{p.source}</bdi>
            </dd>
          </div>
        )}
        <div>
          <dt>{t("registry.updated")}</dt>
          <dd>
            <DateTime value={p.updatedAt} />
          </dd>
        </div>
      </dl>
      <RecordHistory actor={actor} recordType="Proceeding" recordId={p.id} />
    </>
  );
}
