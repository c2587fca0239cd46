import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { DateTime, FictionalBadge, StatusBadge } from "@/app/_components/badges";
import { orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { toAppError } from "@/lib/http";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
import { DossierErrorBanner } from "../error-banner";
import { localizeFieldErrors } from "@/lib/i18n/field-errors";
import { findDossierCandidates, getDossier, getDossierHistory, type DossierItemOut } from "@/lib/dossiers";
import { addItemAction, deleteDossierAction, moveItemAction, noteItemAction, removeItemAction, updateDossierAction } from "../actions";
import { EditDossierForm } from "../_components/dossier-form";
import styles from "../_components/dossiers.module.css";
import { DossierExportPanel } from "./_export/export-panel";
import { ClientMessages } from "@/app/_components/client-messages";
import { BothNames } from "@/app/(app)/_components/registry/names";
import { WitnessCode } from "@/app/_components/witness-code";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dossiers"))("dossier") };
}


function recordHref(i: { kind: string; refId: string }) {
  return i.kind === "STATEMENT" ? `/statements/${i.refId}` : i.kind === "EXHIBIT" ? `/exhibits/${i.refId}` : `/sources/${i.refId}`;
}

export default async function DossierPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const q = (param(sp.q) ?? "").slice(0, 200);
  const error = param(sp.error);
  const actor = await requirePageActor(`/dossiers/${id}`);
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  const d = await orHttpError(getDossier({ actor, dossierId: id }));
  // A search the search refuses (say, too many words) is shown as a message, not an error page.
  let searchError: string | null = null;
  const [candidates, history, t, format] = await Promise.all([
    d.mayEdit
      ? findDossierCandidates({ actor, dossierId: id, query: { q } }).catch((e) => {
          const app = toAppError(e);
          if (app?.code !== "INVALID_INPUT") throw e;
          searchError = Object.values(localizeFieldErrors(app.fields, locale) ?? {}).flat().join(" ") || app.message;
          return { query: q, statements: [], exhibits: [], sources: [] };
        })
      : null,
    getDossierHistory({ actor, dossierId: id }),
    getTranslations(),
    getFormatter(),
  ]);
  const subjectHref = d.subjectType === "PROCEEDING" ? `/proceedings/${d.subject.id}` : `/persons/${d.subject.id}`;
  const unverified = d.items.filter((i) => i.kind === "STATEMENT" && i.verified === false && !i.excludedReason).length;
  const excluded = d.items.filter((i) => i.excludedReason).length;
  // The dossier's own words for its changes ("Added"), else the audit log's (an export, a download).
  const historyLabel = (action: string) => {
    const key = action.replace(/\./g, "_");
    if (t.has(`dossiers.history.actions.${key}`)) return t(`dossiers.history.actions.${key}`);
    return t.has(`history.actions.${key}`) ? t(`history.actions.${key}`) : action;
  };

  const itemState = (i: DossierItemOut) => (
    <span className="badges">
      {i.status && <StatusBadge status={i.status} />}
      {i.kind === "STATEMENT" && i.verified === false && !i.excludedReason && (
        <span className={`badge ${styles.unverified}`} data-testid="unverified-badge">
          {t("dossiers.notVerified")}
        </span>
      )}
      {i.excludedReason && (
        <span className={`badge ${styles.excluded}`} data-testid="excluded-badge">
          {t(`dossiers.exclusion.${i.excludedReason}`)}
        </span>
      )}
    </span>
  );

  return (
    <ClientMessages namespaces={["dossiers", "dossierExport"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/dossiers">{t("dossiers.title")}</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1 dir="auto" data-testid="dossier-title">
            {d.title}
          </h1>
          <p className="lead">
            {t(`dossiers.subjectTypes.${d.subjectType}`)}:{" "}
            <BothNames
              item={d.subject}
              locale={locale}
              first={(name) => (
                <Link href={subjectHref} data-testid="dossier-subject-link">
                  {name}
                </Link>
              )}
            />
          </p>
        </div>
        <div className="page-actions">
          <Link href={`/dossiers/${d.id}/preview`} className="button primary" data-testid="dossier-preview-link">
            {t("dossiers.preview")}
          </Link>
        </div>
      </div>

      <DossierErrorBanner code={error} />

      {d.description && (
        <p dir="auto" className="prose">
          {d.description}
        </p>
      )}

      <dl className="facts">
        <div>
          <dt>{t("dossiers.itemCount")}</dt>
          <dd data-testid="dossier-item-count">{format.number(d.items.length)}</dd>
        </div>
        <div>
          <dt>{t("dossiers.unverifiedCount")}</dt>
          <dd>{format.number(unverified)}</dd>
        </div>
        <div>
          <dt>{t("dossiers.excludedCount")}</dt>
          <dd>{format.number(excluded)}</dd>
        </div>
        <div>
          <dt>{t("dossiers.createdBy")}</dt>
          <dd>
            <bdi>{d.createdBy.name}</bdi> · <DateTime value={d.createdAt} />
          </dd>
        </div>
      </dl>

      {unverified > 0 && (
        <p className="note note-warning" data-testid="unverified-note">
          <span>{t("dossiers.unverifiedNote", { count: unverified })}</span>
        </p>
      )}
      {excluded > 0 && (
        <p className="note note-warning" data-testid="excluded-note">
          <span>{t("dossiers.excludedNote", { count: excluded })}</span>
        </p>
      )}

      <section className="panel" aria-labelledby="items-heading" id="items">
        <h2 id="items-heading">{t("dossiers.items")}</h2>
        <p className="muted">{t("dossiers.numbersRule")}</p>
        {d.items.length === 0 ? (
          <p className="empty" data-testid="dossier-no-items">
            {t("dossiers.noItems")}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="table stack-narrow" data-testid="dossier-items">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("dossiers.position")}
                  </th>
                  <th scope="col">{t("dossiers.number")}</th>
                  <th scope="col">{t("dossiers.kind")}</th>
                  <th scope="col">{t("dossiers.record")}</th>
                  <th scope="col">{t("dossiers.state")}</th>
                  {d.mayEdit && <th scope="col">{t("dossiers.actions")}</th>}
                </tr>
              </thead>
              <tbody>
                {d.items.map((i, n) => (
                  <tr key={i.id} id={`item-${i.id}`} data-testid="dossier-item" data-number={i.exhibitNumber} data-kind={i.kind}>
                    <td className="num" data-label={t("dossiers.position")}>
                      {format.number(i.position)}
                    </td>
                    <td data-label={t("dossiers.number")}>
                      <span className={styles.number} dir="ltr" data-testid="item-number">
                        {i.exhibitNumber}
                      </span>
                    </td>
                    <td data-label={t("dossiers.kind")}>{t(`dossiers.kinds.${i.kind}`)}</td>
                    <td>
                      {i.label ? (
                        <Link href={recordHref(i)} dir="auto" data-testid="item-label">
                          {i.label}
                        </Link>
                      ) : (
                        <span className="muted">{t("dossiers.withheld")}</span>
                      )}
                      {i.witnessCode && (
                        <>
                          {" "}
                          <WitnessCode code={i.witnessCode} className="muted" />
                        </>
                      )}
                      {i.note && (
                        <div className="muted" dir="auto">
                          {i.note}
                        </div>
                      )}
                      {d.mayEdit && (
                        <details className="disclosure">
                          <summary>{t("dossiers.editNote")}</summary>
                          <form action={noteItemAction.bind(null, d.id, i.id)} className="inline-form">
                            <label htmlFor={`note-${i.id}`} className="visually-hidden">
                              {t("dossiers.noteLabel", { number: i.exhibitNumber })}
                            </label>
                            <textarea id={`note-${i.id}`} name="note" defaultValue={i.note} rows={2} dir="auto" maxLength={2000} data-testid="item-note" />
                            <button type="submit" className="button small" data-testid="save-note">
                              {t("dossiers.saveNote")}
                            </button>
                          </form>
                        </details>
                      )}
                    </td>
                    <td data-label={t("dossiers.state")}>{itemState(i)}</td>
                    {d.mayEdit && (
                      <td className="row-actions">
                        <span className={styles.rowButtons}>
                          <form action={moveItemAction.bind(null, d.id, i.id, "up")}>
                            <button type="submit" className="button small" disabled={n === 0} aria-label={t("dossiers.moveUpLabel", { number: i.exhibitNumber })} data-testid="move-up">
                              {t("dossiers.moveUp")}
                            </button>
                          </form>
                          <form action={moveItemAction.bind(null, d.id, i.id, "down")}>
                            <button
                              type="submit"
                              className="button small"
                              disabled={n === d.items.length - 1}
                              aria-label={t("dossiers.moveDownLabel", { number: i.exhibitNumber })}
                              data-testid="move-down"
                            >
                              {t("dossiers.moveDown")}
                            </button>
                          </form>
                          <form action={removeItemAction.bind(null, d.id, i.id)}>
                            <button type="submit" className="button small danger" aria-label={t("dossiers.removeLabel", { number: i.exhibitNumber })} data-testid="remove-item">
                              {t("dossiers.remove")}
                            </button>
                          </form>
                        </span>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {candidates && (
        <section className="panel" aria-labelledby="add-heading" id="add" data-testid="dossier-add">
          <h2 id="add-heading">{t("dossiers.add")}</h2>
          <form method="get" action={`/dossiers/${d.id}#add`} className="filters" role="search">
            <div className="field">
              <label htmlFor="candidate-q">{t("dossiers.searchLabel")}</label>
              <input id="candidate-q" name="q" type="search" dir="auto" defaultValue={q} data-testid="candidate-search" />
            </div>
            <div className="filter-actions">
              <button type="submit" className="button" data-testid="candidate-search-submit">
                {t("dossiers.search")}
              </button>
              {q && <Link href={`/dossiers/${d.id}#add`}>{t("dossiers.showLinked")}</Link>}
            </div>
          </form>
          {searchError && (
            <div className="banner banner-error" role="alert" data-testid="candidate-search-error">
              {searchError}
            </div>
          )}
          <p className="muted">{q ? t("dossiers.searchResults", { q }) : t("dossiers.linkedIntro")}</p>
          {candidates.statements.length + candidates.exhibits.length + candidates.sources.length === 0 ? (
            <p className="empty" data-testid="no-candidates">
              {t("dossiers.noCandidates")}
            </p>
          ) : (
            <ul className={styles.candidates} data-testid="candidates">
              {candidates.statements.map((s) => (
                <li key={s.id} data-testid="candidate" data-kind="STATEMENT">
                  <span className="muted">{t("dossiers.kinds.STATEMENT")}</span>
                  <Link href={`/statements/${s.id}`} dir="auto" lang={s.language}>
                    {s.title}
                  </Link>
                  <WitnessCode code={s.witnessCode} className="muted" />
                  <StatusBadge status={s.status} />
                  {s.status !== "VERIFIED" && <span className={`badge ${styles.unverified}`}>{t("dossiers.notVerified")}</span>}
                  {s.fictional && <FictionalBadge />}
                  <form action={addItemAction.bind(null, d.id, "STATEMENT", s.id)}>
                    <button type="submit" className="button small" data-testid="add-candidate" aria-label={t("dossiers.addLabel", { label: s.title })}>
                      {t("dossiers.addButton")}
                    </button>
                  </form>
                </li>
              ))}
              {candidates.exhibits.map((e) => (
                <li key={e.id} data-testid="candidate" data-kind="EXHIBIT">
                  <span className="muted">{t("dossiers.kinds.EXHIBIT")}</span>
                  <span dir="ltr">{e.number}</span>
                  <bdi>{e.originalName}</bdi>
                  <form action={addItemAction.bind(null, d.id, "EXHIBIT", e.id)}>
                    <button type="submit" className="button small" data-testid="add-candidate" aria-label={t("dossiers.addLabel", { label: `${e.number} ${e.originalName}` })}>
                      {t("dossiers.addButton")}
                    </button>
                  </form>
                </li>
              ))}
              {candidates.sources.map((s) => (
                <li key={s.id} data-testid="candidate" data-kind="SOURCE">
                  <span className="muted">{t("dossiers.kinds.SOURCE")}</span>
                  <bdi>{s.title}</bdi>
                  {s.author && <span className="muted">{s.author}</span>}
                  {s.grade && (
                    <span className="badge" dir="ltr">
                      {s.grade}
                    </span>
                  )}
                  <form action={addItemAction.bind(null, d.id, "SOURCE", s.id)}>
                    <button type="submit" className="button small" data-testid="add-candidate" aria-label={t("dossiers.addLabel", { label: s.title })}>
                      {t("dossiers.addButton")}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {/* ---------------------------------------------------------------- export panel (slot) */}
      <DossierExportPanel dossierId={d.id} />

      {d.mayEdit && (
        <section className="panel" aria-labelledby="details-heading">
          <h2 id="details-heading">{t("dossiers.details")}</h2>
          <details className="disclosure">
            <summary>{t("dossiers.editDetails")}</summary>
            <EditDossierForm action={updateDossierAction.bind(null, d.id)} initial={{ title: d.title, description: d.description }} />
          </details>
          <details className="disclosure">
            <summary>{t("dossiers.delete")}</summary>
            <p>{t("dossiers.deleteExplain")}</p>
            <form action={deleteDossierAction.bind(null, d.id)}>
              <button type="submit" className="button danger" data-testid="delete-dossier">
                {t("dossiers.deleteConfirm")}
              </button>
            </form>
          </details>
        </section>
      )}

      <section className="panel" aria-labelledby="history-heading" data-testid="dossier-history">
        <h2 id="history-heading">{t("dossiers.history.title")}</h2>
        <ol className={styles.history}>
          {history.map((e) => {
            const position = e.changes.find((c) => c.field === "position");
            const num = e.exhibitNumber;
            return (
              <li key={e.seq} data-testid="history-event" data-action={e.action}>
                <strong>{historyLabel(e.action)}</strong>
                {num && (
                  <>
                    {" "}
                    <span dir="ltr" className={styles.number}>
                      {num}
                    </span>
                  </>
                )}
                {e.action === "dossier.item.move" && position && typeof position.before === "number" && typeof position.after === "number" && (
                  <> {t("dossiers.history.moved", { from: format.number(position.before), to: format.number(position.after) })}</>
                )}{" "}
                · <bdi>{e.actor.name ?? e.actor.label}</bdi> · <DateTime value={e.at} />
              </li>
            );
          })}
        </ol>
      </section>
    </ClientMessages>
  );
}
