import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { DateTime, StatusBadge } from "@/app/_components/badges";
import { ClientMessages } from "@/app/_components/client-messages";
import { GradeBadge } from "@/app/_components/grading";
import { RecordHistory } from "@/app/_components/record-history";
import type { Actor } from "@/lib/auth/actor";
import { getReviewPanel, type ReviewView } from "@/lib/review/review-view";
import { CHECKLIST } from "@/lib/review/schemas";
import { AssignForm, SubmitForReviewForm, TakeForm } from "../../../review/_components/workflow-forms";
import { assignReviewerAction, submitStatementAction, takeStatementAction } from "../../../review/actions";
import { ReviewDecision } from "./review-decision";
import styles from "./review.module.css";

/**
 * The statement's review: where it stands, the workflow buttons that apply to the reader, the
 * assigned reviewer's form, every review so far grouped by the revision it is about (a
 * verification belongs to one revision and stays visible after later edits), and the
 * statement's audit history.
 */
export async function ReviewPanel({ actor, statementId, language }: { actor: Actor; statementId: string; language: string }) {
  const [p, t] = await Promise.all([getReviewPanel({ actor, statementId }), getTranslations()]);
  const byRevision = new Map<number, ReviewView[]>();
  for (const r of p.reviews) byRevision.set(r.revisionNumber, [...(byRevision.get(r.revisionNumber) ?? []), r]);
  const lastVerified = p.reviews.find((r) => r.decision === "VERIFIED");
  const inReviewProcess = p.status === "SUBMITTED" || p.status === "IN_REVIEW";
  const hasActions = p.maySubmit || p.mayTake || p.eligibleReviewers.length > 0;
  return (
    <section className={`panel ${styles.panel}`} id="review" aria-labelledby="review-heading" data-testid="review-panel" data-status={p.status}>
      <h2 id="review-heading">{t("review.heading")}</h2>
      <div className={styles.summary}>
        <StatusBadge status={p.status} />
        <span data-testid="review-state-text">{t(`review.explain.${p.status}`, { name: p.assignee?.name ?? "" })}</span>
        {p.submittedAt && inReviewProcess && (
          <span className="muted">
            {t("review.submittedAt")} <DateTime value={p.submittedAt} />
          </span>
        )}
      </div>

      {lastVerified && p.status !== "VERIFIED" && (
        <p className={styles.earlier} data-testid="earlier-verification">
          {t("review.earlierVerified", { revision: lastVerified.revisionNumber, current: p.revisionNumber })}
        </p>
      )}
      {p.isEditor && inReviewProcess && (
        <p className="muted" data-testid="four-eyes-note">
          {t("review.fourEyes")}
        </p>
      )}

      {hasActions && (
        // The workflow's buttons get their interface text here, and only when shown: many readers
        // see none of them, and their page need not carry the review catalogue.
        <ClientMessages namespaces={["review", "errors"]}>
          <div className={styles.actions}>
            {p.maySubmit && <SubmitForReviewForm submit={submitStatementAction.bind(null, statementId)} />}
            {p.mayTake && <TakeForm take={takeStatementAction.bind(null, statementId)} />}
            {p.eligibleReviewers.length > 0 && <AssignForm assign={assignReviewerAction.bind(null, statementId)} reviewers={p.eligibleReviewers} current={p.assignee?.id} />}
          </div>
        </ClientMessages>
      )}

      {p.mayDecide && p.text !== null && <ReviewDecision statementId={statementId} revisionNumber={p.revisionNumber} text={p.text} lang={language} consentInForce={p.consentInForce !== false} />}

      <h3 className="visually-hidden">{t("review.pastReviews")}</h3>
      {p.reviews.length === 0 ? (
        <p className="muted" data-testid="no-reviews">
          {t("review.noReviews")}
        </p>
      ) : (
        [...byRevision.entries()].map(([rev, reviews]) => (
          <div key={rev} className={styles.revision} data-testid="review-revision" data-revision={rev}>
            <h3>
              <Link href={`/statements/${statementId}/revisions/${rev}`}>{t("review.aboutRevision", { n: rev })}</Link>
              {rev === p.revisionNumber ? <span className="badge badge-current">{t("statements.current")}</span> : <span className="muted">{t("review.earlierRevision")}</span>}
            </h3>
            {reviews.map((r) => (
              <article key={r.id} className={styles.review} data-testid="review-item" data-decision={r.decision}>
                <div className={styles.reviewHead}>
                  <StatusBadge status={r.decision} />
                  <GradeBadge reliability={r.sourceReliability} credibility={r.credibility} testId="review-grade" />
                  <span>
                    <bdi>{r.reviewer.name}</bdi>
                  </span>
                  <DateTime value={r.createdAt} />
                </div>
                <ul className={styles.checks} aria-label={t("review.checklist")}>
                  {CHECKLIST.map((k) => (
                    <li key={k} className={r.checklist[k] ? styles.yes : styles.no}>
                      <span className="visually-hidden">{r.checklist[k] ? t("review.checked") : t("review.notChecked")} </span>
                      {t(`review.checks.${k}`)}
                    </li>
                  ))}
                </ul>
                {r.comments.length > 0 && (
                  <ul className={styles.comments}>
                    {r.comments.map((c, i) => (
                      <li key={i} data-testid="review-comment">
                        {c.quote && (
                          <>
                            <blockquote className={styles.quote} lang={language} dir="auto" data-testid="review-quote">
                              {c.quote}
                            </blockquote>
                            {c.startOffset !== undefined && c.endOffset !== undefined && (
                              <span className={styles.quoteMeta}>{t("review.quoteAt", { start: c.startOffset, end: c.endOffset, n: rev })}</span>
                            )}
                          </>
                        )}
                        <p dir="auto" className="prose">
                          {c.text}
                        </p>
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            ))}
          </div>
        ))
      )}

      <RecordHistory actor={actor} recordType="Statement" recordId={statementId} />
    </section>
  );
}
