import type { Metadata } from "next";
import { Fragment } from "react";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { DateTime, FictionalBadge, StatusBadge } from "@/app/_components/badges";
import { GradeBadge } from "@/app/_components/grading";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { loadDossierContent, type ContentItem, type DualDate } from "@/lib/dossiers";
import styles from "../../_components/dossiers.module.css";
import { BothNames } from "@/app/(app)/_components/registry/names";
import { BothTexts } from "@/app/(app)/_components/registry/both-texts";
import { exactBytes, humanBytes } from "@/lib/exhibits/format";
import { readerName, readerTitle, readsPersian, readsPersianTitle } from "@/app/_lib/reader-name";
import { WitnessCode } from "@/app/_components/witness-code";

type Props = { params: Promise<{ id: string }> };

/** One long text of the cover's subject (charges, a summary…) among its facts, the reader's language first; nothing when not recorded. */
function CoverText({ testId, label, en, fa, locale, inEnglish }: { testId: string; label: string; en: string; fa: string; locale: string; inEnglish: string }) {
  if (!en && !fa) return null;
  return (
    <div className="wide" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <BothTexts en={en} fa={fa} locale={locale} inEnglish={inEnglish} testId={`${testId}-text`} />
      </dd>
    </div>
  );
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dossiers"))("previewTitle") };
}

type StatementItem = Extract<ContentItem, { kind: "STATEMENT" }>;

/** The dossier as it will read: cover, contents, chronology, allegations with pinpoint quotes, statements, exhibits, sources. */
export default async function DossierPreviewPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(`/dossiers/${id}/preview`);
  const [c, t, format, rawLocale] = await Promise.all([orHttpError(loadDossierContent({ actor, dossierId: id })), getTranslations(), getFormatter(), getLocale()]);
  const locale = rawLocale === "fa" ? "fa" : "en";
  const when = (d: DualDate | null) => {
    if (!d) return null;
    const shown = d[locale];
    if (!shown) return <bdi>{d.input}</bdi>;
    return (
      <>
        <bdi>{locale === "fa" ? shown.persian : shown.gregorian}</bdi> <span className="muted">({locale === "fa" ? shown.gregorian : shown.persian})</span>
      </>
    );
  };
  const statements = c.items.filter((i): i is StatementItem => i.kind === "STATEMENT");
  const exhibits = c.items.filter((i) => i.kind === "EXHIBIT");
  const sources = c.items.filter((i) => i.kind === "SOURCE");
  const subject = c.subject.type === "PROCEEDING" ? { name: c.subject.title, nameFa: c.subject.titleFa } : c.subject;
  // Per person and allegation type: every pinpoint quote, in dossier order.
  const sections = c.persons.flatMap((p) =>
    p.allegationTypes.map((type) => ({
      person: p,
      type,
      quotes: statements.flatMap((s) => s.statement.links.filter((l) => l.person.id === p.id && l.allegationType === type).map((l) => ({ item: s, link: l }))),
    })),
  );
  const toc = [
    ["chronology", t("dossiers.previewSections.chronology")],
    ["allegations", t("dossiers.previewSections.allegations")],
    ["statements", t("dossiers.previewSections.statements")],
    ["exhibits", t("dossiers.previewSections.exhibits")],
    ["sources", t("dossiers.previewSections.sources")],
  ] as const;

  return (
    <article data-testid="dossier-preview">
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/dossiers">{t("dossiers.title")}</Link>
        <Link href={`/dossiers/${c.dossier.id}`}>
          <bdi>{c.dossier.title}</bdi>
        </Link>
      </nav>

      <header className="panel" data-testid="preview-cover">
        <p className="muted">{t("dossiers.coverKicker")}</p>
        <h1 dir="auto">{c.dossier.title}</h1>
        <p className="lead">
          {t(`dossiers.subjectTypes.${c.dossier.subjectType}`)}:{" "}
          <span data-testid="preview-subject">
            <BothNames item={subject} locale={locale} first={(name) => <span data-testid="preview-subject-name">{name}</span>} />
          </span>
        </p>
        {c.subject.type === "PROCEEDING" && (
          <dl className="facts">
            {c.subject.court && (
              <div>
                <dt>{t("dossiers.court")}</dt>
                <dd>
                  <BothNames item={{ name: c.subject.court, nameFa: c.subject.courtFa }} locale={locale} />
                </dd>
              </div>
            )}
            {c.subject.docket && (
              <div>
                <dt>{t("proceedings.docket")}</dt>
                <dd>
                  <bdi data-testid="preview-docket">{c.subject.docket}</bdi>
                </dd>
              </div>
            )}
            {c.subject.defendants.length > 0 && (
              <div>
                <dt>{t("dossiers.defendants")}</dt>
                <dd>
                  {c.subject.defendants.map((p, i) => (
                    <span key={p.id} data-testid="preview-defendant">
                      {i > 0 && (locale === "fa" ? "، " : ", ")}
                      <BothNames item={p} locale={locale} first={(name) => <span data-testid="preview-defendant-name">{name}</span>} />
                    </span>
                  ))}
                </dd>
              </div>
            )}
            {/* What the PDF's cover says of the subject besides its name, here in the reader's language first. */}
            <CoverText testId="preview-charges" label={t("proceedings.charges")} en={c.subject.charges} fa={c.subject.chargesFa} locale={locale} inEnglish={t("proceedings.inEnglish")} />
            <CoverText testId="preview-status" label={t("proceedings.status")} en={c.subject.status} fa={c.subject.statusFa} locale={locale} inEnglish={t("proceedings.inEnglish")} />
          </dl>
        )}
        {c.subject.type === "PERSON" && (c.subject.aliases.length > 0 || c.subject.summary || c.subject.summaryFa || c.subject.statusNotes || c.subject.statusNotesFa) && (
          <dl className="facts">
            {c.subject.aliases.length > 0 && (
              <div className="wide" data-testid="preview-aliases">
                <dt>{t("persons.aliases")}</dt>
                <dd>
                  {c.subject.aliases.map((a, i) => (
                    <Fragment key={a}>
                      {i > 0 && (locale === "fa" ? "، " : ", ")}
                      <bdi>{a}</bdi>
                    </Fragment>
                  ))}
                </dd>
              </div>
            )}
            <CoverText testId="preview-summary" label={t("persons.summary")} en={c.subject.summary} fa={c.subject.summaryFa} locale={locale} inEnglish={t("persons.inEnglish")} />
            <CoverText testId="preview-status" label={t("persons.statusNotes")} en={c.subject.statusNotes} fa={c.subject.statusNotesFa} locale={locale} inEnglish={t("persons.inEnglish")} />
          </dl>
        )}
        {c.dossier.description && (
          <p dir="auto" className="prose">
            {c.dossier.description}
          </p>
        )}
        <p className="muted">
          {t("dossiers.dossierId")}: <code dir="ltr">{c.dossier.id}</code> · {t("dossiers.generatedAt")} <DateTime value={c.generatedAt} />
        </p>
        <p data-testid="preview-counts">
          {t("dossiers.counts", { statements: c.counts.statements, exhibits: c.counts.exhibits, sources: c.counts.sources })}
        </p>
        {c.counts.unverifiedStatements > 0 && (
          <p className="note note-warning" data-testid="preview-unverified">
            <span>{t("dossiers.unverifiedNote", { count: c.counts.unverifiedStatements })}</span>
          </p>
        )}
        {c.excluded.length > 0 && (
          <div className="note note-warning" data-testid="preview-excluded">
            <span>
              {t("dossiers.excludedNote", { count: c.excluded.length })}{" "}
              {c.excluded.map((x, i) => (
                <span key={x.itemId}>
                  {i > 0 && "; "}
                  <span dir="ltr">{x.exhibitNumber}</span>: {t(`dossiers.exclusion.${x.reason}`)}
                </span>
              ))}
            </span>
          </div>
        )}
      </header>

      <nav className="panel" aria-labelledby="toc-heading" data-testid="preview-contents">
        <h2 id="toc-heading">{t("dossiers.previewSections.contents")}</h2>
        <ol>
          {toc.map(([anchor, label]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{label}</a>
            </li>
          ))}
        </ol>
      </nav>

      <section className="panel" id="chronology" aria-labelledby="chronology-heading" data-testid="preview-chronology">
        <h2 id="chronology-heading">{t("dossiers.previewSections.chronology")}</h2>
        {c.chronology.length === 0 ? (
          <p className="empty">{t("dossiers.noChronology")}</p>
        ) : (
          <ol>
            {c.chronology.map((e) => (
              <li key={e.eventId}>
                {when(e.date)} — <bdi>{readerTitle(e, locale)}</bdi>
                {e.places.length > 0 && (
                  <span className="muted">
                    {" "}
                    · {e.places.map((p) => readerName(p, locale)).join(locale === "fa" ? "، " : ", ")}
                  </span>
                )}{" "}
                <span className="muted" dir="ltr">
                  [{e.citedBy.join(", ")}]
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="panel" id="allegations" aria-labelledby="allegations-heading" data-testid="preview-allegations">
        <h2 id="allegations-heading">{t("dossiers.previewSections.allegations")}</h2>
        {sections.length === 0 && <p className="empty">{t("dossiers.noAllegations")}</p>}
        {sections.map((s) => (
          <section key={`${s.person.id}-${s.type}`} className={styles.previewSection} data-testid="allegation-section">
            <h3>
              <bdi>{readerName(s.person, locale)}</bdi> — {t(`links.allegationTypes.${s.type}`)}
            </h3>
            <ul>
              {s.quotes.map(({ item, link }) => (
                <li key={link.id} data-testid="pinpoint">
                  <blockquote dir="auto" lang={item.statement.language}>
                    «{link.quote}»
                  </blockquote>
                  <p className="muted">
                    <span dir="ltr" className={styles.number}>
                      {item.exhibitNumber}
                    </span>{" "}
                    ·{" "}
                    {t("dossiers.pinpoint", {
                      revision: format.number(link.revisionNumber, { useGrouping: false }),
                      start: format.number(link.startOffset, { useGrouping: false }),
                      end: format.number(link.endOffset, { useGrouping: false }),
                    })}{" "}
                    · {t(`links.roles.${link.role}`)} · <WitnessCode code={item.statement.witness.code} />{" "}
                    {item.statement.review && <GradeBadge reliability={item.statement.review.sourceReliability} credibility={item.statement.review.credibility} testId="pinpoint-grade" />}{" "}
                    {!item.statement.verified && <span className={`badge ${styles.unverified}`}>{t("dossiers.notVerified")}</span>}
                    {link.anchor === "NEEDS_REVIEW" && <span className={`badge ${styles.unverified}`}>{t("dossiers.anchorNeedsReview")}</span>}
                  </p>
                  {/* What else the passage is linked to, named as the rest of the page names records: in Persian on a Persian page when they have a Persian name. */}
                  {(link.event || link.place || link.proceeding) && (
                    <p className="muted" data-testid="pinpoint-records">
                      {[
                        link.event && { key: "event", label: t("links.event"), name: readerTitle(link.event, locale), fa: readsPersianTitle(link.event, locale) },
                        link.place && { key: "place", label: t("links.place"), name: readerName(link.place, locale), fa: readsPersian(link.place, locale) },
                        link.proceeding && { key: "proceeding", label: t("links.proceeding"), name: readerTitle(link.proceeding, locale), fa: readsPersianTitle(link.proceeding, locale) },
                      ]
                        .filter((r) => !!r)
                        .map((r, i) => (
                          <Fragment key={r.key}>
                            {i > 0 && " · "}
                            <span data-testid={`pinpoint-${r.key}`}>
                              {r.label}: <bdi lang={r.fa ? "fa" : undefined}>{r.name}</bdi>
                            </span>
                          </Fragment>
                        ))}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section className="panel" id="statements" aria-labelledby="statements-heading" data-testid="preview-statements">
        <h2 id="statements-heading">{t("dossiers.previewSections.statements")}</h2>
        {statements.length === 0 && <p className="empty">{t("dossiers.noStatements")}</p>}
        {statements.map((s) => (
          <section key={s.itemId} className={styles.previewSection} data-testid="preview-statement" data-number={s.exhibitNumber}>
            <h3>
              <span dir="ltr" className={styles.number}>
                {s.exhibitNumber}
              </span>{" "}
              <bdi lang={s.statement.language}>{s.statement.title}</bdi>
            </h3>
            <p className="badges">
              <StatusBadge status={s.statement.status} />
              {!s.statement.verified && <span className={`badge ${styles.unverified}`}>{t("dossiers.notVerified")}</span>}
              {s.statement.fictional && <FictionalBadge />}
              {s.statement.review && <GradeBadge reliability={s.statement.review.sourceReliability} credibility={s.statement.review.credibility} testId="statement-grade" />}
            </p>
            <p className="muted">
              {t("dossiers.witness")} <WitnessCode code={s.statement.witness.code} /> · {t("dossiers.revision", { n: format.number(s.statement.revisionNumber, { useGrouping: false }) })}
              {s.statement.interviewDate && (
                <>
                  {" "}
                  · {t("dossiers.interviewed")} {when(s.statement.interviewDate)}
                </>
              )}
            </p>
            {s.note && (
              <p className="muted" dir="auto">
                {s.note}
              </p>
            )}
            <blockquote dir="auto" lang={s.statement.language} className="prose">
              {s.statement.originalText}
            </blockquote>
            {s.statement.translations.map((tr, i) => (
              <details key={i} className="disclosure">
                <summary>{t("dossiers.translation", { language: tr.language, translator: tr.translator })}</summary>
                <blockquote dir="auto" lang={tr.language} className="prose">
                  {tr.text}
                </blockquote>
              </details>
            ))}
          </section>
        ))}
      </section>

      <section className="panel" id="exhibits" aria-labelledby="exhibits-heading" data-testid="preview-exhibits">
        <h2 id="exhibits-heading">{t("dossiers.previewSections.exhibits")}</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("dossiers.number")}</th>
                <th scope="col">{t("dossiers.kind")}</th>
                <th scope="col">{t("dossiers.record")}</th>
                <th scope="col">{t("dossiers.sha256")}</th>
              </tr>
            </thead>
            <tbody>
              {c.items.map((i) => (
                <tr key={i.itemId} data-testid="exhibit-list-row">
                  <td>
                    <span dir="ltr" className={styles.number}>
                      {i.exhibitNumber}
                    </span>
                  </td>
                  <td>{t(`dossiers.kinds.${i.kind}`)}</td>
                  <td>
                    {i.kind === "STATEMENT" && <bdi>{i.statement.title}</bdi>}
                    {i.kind === "EXHIBIT" && (
                      <>
                        <bdi>{i.exhibit.originalName}</bdi>{" "}
                        <span className="muted" dir="ltr">
                          {i.exhibit.number} · {i.exhibit.mime} ·{" "}
                          <bdi title={exactBytes(i.exhibit.size, locale)} data-testid="preview-exhibit-size" data-bytes={i.exhibit.size}>
                            {humanBytes(i.exhibit.size, locale)}
                          </bdi>
                        </span>
                      </>
                    )}
                    {i.kind === "SOURCE" && <bdi>{i.source.title}</bdi>}
                  </td>
                  <td>
                    {i.kind === "EXHIBIT" ? (
                      <code className="hash hash-full" dir="ltr" data-testid="exhibit-hash">
                        {i.exhibit.sha256}
                      </code>
                    ) : i.kind === "STATEMENT" ? (
                      <code className="hash hash-full" dir="ltr" title={t("dossiers.revisionHash")}>
                        {i.statement.revisionContentHash}
                      </code>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {exhibits.length === 0 && <p className="muted">{t("dossiers.noExhibits")}</p>}
      </section>

      <section className="panel" id="sources" aria-labelledby="sources-heading" data-testid="preview-sources">
        <h2 id="sources-heading">{t("dossiers.previewSections.sources")}</h2>
        {sources.length === 0 ? (
          <p className="empty">{t("dossiers.noSources")}</p>
        ) : (
          <ul>
            {sources.map(
              (s) =>
                s.kind === "SOURCE" && (
                  <li key={s.itemId}>
                    <span dir="ltr" className={styles.number}>
                      {s.exhibitNumber}
                    </span>{" "}
                    <bdi>{s.source.title}</bdi>
                    {s.source.author && <span className="muted"> · {s.source.author}</span>}
                    {s.source.year !== null && <span className="muted"> · {format.number(s.source.year, { useGrouping: false })}</span>}{" "}
                    <GradeBadge reliability={s.source.reliability} credibility={s.source.credibility} testId="source-grade" />
                  </li>
                ),
            )}
          </ul>
        )}
      </section>
    </article>
  );
}
