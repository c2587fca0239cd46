import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/config";
import { fieldErrorMessage } from "@/lib/i18n/field-errors";
import { FictionalBadge, StatusBadge } from "@/app/_components/badges";
import { listPageHref, orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { queueAuthors, queueExtras } from "@/lib/review/review-view";
import { readWaitingDays } from "@/lib/review/schemas";
import { listReviewQueue } from "@/lib/review/workflow";
import { LANGUAGES } from "@/lib/statements/schemas";
import { AssignForm, TakeForm } from "./_components/workflow-forms";
import { assignReviewerAction, takeStatementAction } from "./actions";
import { ClientMessages } from "@/app/_components/client-messages";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { WitnessCode } from "@/app/_components/witness-code";

const STATES = ["SUBMITTED", "IN_REVIEW", "MINE"] as const;
const QUEUE_PAGE_SIZE = 50;
const DAY = 86_400_000;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("queueTitle") };
}

function pick<T extends string>(allowed: readonly T[], v: string | undefined): T | undefined {
  return allowed.find((a) => a === v);
}

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  // Unknown choices in the address are dropped rather than answered with an error page; the
  // days box, which the reader types, says what is wrong with it instead (below).
  const state = pick(STATES, param(sp.state));
  const language = pick(LANGUAGES, param(sp.language));
  const authorRaw = param(sp.author);
  const authorId = authorRaw && /^[A-Za-z0-9_-]{1,64}$/.test(authorRaw) ? authorRaw : undefined;
  const daysRaw = param(sp.days);
  // Persian and Arabic-Indic digits are days too (lib/review readWaitingDays); anything else is
  // shown under the box in the reader's language, and the queue is shown without that filter.
  const { days: minWaitingDays, error: daysError } = readWaitingDays(daysRaw);
  const href = listPageHref("/review", { state, language, author: authorId, days: minWaitingDays?.toString() });
  // lib/review takes a page past the last as the last.
  const asked = pageFromAddress(param(sp.page));
  const actor = await requirePageActor(href(asked));
  const [queue, authors, t, format, locale] = await Promise.all([
    orHttpError(listReviewQueue({ actor, query: { state, language, authorId, minWaitingDays, page: asked, pageSize: QUEUE_PAGE_SIZE } })),
    queueAuthors({ actor }),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const extras = await queueExtras({ actor, statements: queue.items });
  const now = Date.now();
  const filtered = !!(state || language || authorId || minWaitingDays !== undefined || daysError);
  return (
    <ClientMessages namespaces={["review"]}>
      <div className="page-head">
        <div>
          <h1>{t("review.queueTitle")}</h1>
          <p className="lead">{t("review.queueIntro")}</p>
        </div>
      </div>

      <form method="get" action="/review" className="filters" data-testid="queue-filters">
        <div className="field">
          <label htmlFor="filter-state">{t("review.state")}</label>
          <select id="filter-state" name="state" defaultValue={state ?? ""}>
            <option value="">{t("review.allStates")}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`review.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-language">{t("statements.language")}</label>
          <select id="filter-language" name="language" defaultValue={language ?? ""}>
            <option value="">{t("statements.allLanguages")}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-author">{t("statements.author")}</label>
          <select id="filter-author" name="author" defaultValue={authorId ?? ""}>
            <option value="">{t("review.allAuthors")}</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-days">{t("review.minWaiting")}</label>
          {/* No `pattern`: the browser's own refusal is in its language, not the reader's, and
              refused ۲ from a Persian keyboard. The server reads the box and says what is wrong. */}
          <input
            id="filter-days"
            name="days"
            type="text"
            inputMode="numeric"
            maxLength={4}
            dir="ltr"
            defaultValue={daysRaw ?? ""}
            aria-invalid={daysError ? true : undefined}
            aria-describedby={daysError ? "filter-days-error filter-days-hint" : "filter-days-hint"}
          />
          {daysError && (
            <p className="field-error" id="filter-days-error" data-testid="field-error-days">
              {fieldErrorMessage(daysError, locale as Locale)}
            </p>
          )}
          <p className="hint" id="filter-days-hint">
            {t("review.minWaitingHint")}
          </p>
        </div>
        <div className="filter-actions">
          <button type="submit" className="button">
            {t("statements.applyFilters")}
          </button>
          {filtered && <Link href="/review">{t("statements.clearFilters")}</Link>}
        </div>
      </form>

      <p className="muted" data-testid="queue-count">
        {t("review.queueCount", { total: queue.total })}
      </p>

      {queue.items.length === 0 ? (
        <p className="empty" data-testid="queue-empty">
          {t("review.queueEmpty")}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table stack-narrow" data-testid="review-queue">
            <thead>
              <tr>
                <th scope="col">{t("statements.titleField")}</th>
                <th scope="col">{t("statements.witness")}</th>
                <th scope="col">{t("statements.author")}</th>
                <th scope="col">{t("statements.language")}</th>
                <th scope="col">{t("statements.status")}</th>
                <th scope="col" className="num">
                  {t("review.waiting")}
                </th>
                <th scope="col">{t("review.reviewer")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((s) => {
                const x = extras.get(s.id)!;
                const days = s.submittedAt ? Math.max(0, Math.floor((now - s.submittedAt.getTime()) / DAY)) : null;
                return (
                  <tr key={s.id} data-testid="queue-row" data-statement-id={s.id} data-status={s.status}>
                    <td className="title-cell">
                      <Link href={`/statements/${s.id}`} dir="auto" lang={s.language} className="record-title">
                        {s.title}
                      </Link>
                      {s.fictional && <FictionalBadge />}
                    </td>
                    <td data-label={t("statements.witness")}>
                      <WitnessCode code={s.witness.code} />
                    </td>
                    <td data-label={t("statements.author")}>
                      <bdi>{s.author.name}</bdi>
                    </td>
                    <td data-label={t("statements.language")}>{t(`languages.${s.language === "fa" ? "fa" : "en"}`)}</td>
                    <td data-label={t("statements.status")}>
                      <StatusBadge status={s.status} />
                    </td>
                    <td className="num" data-testid="waiting" data-label={t("review.waiting")} title={s.submittedAt ? format.dateTime(s.submittedAt, { dateStyle: "medium", timeStyle: "short" }) : undefined}>
                      {days === null ? "—" : t("review.days", { days })}
                    </td>
                    <td data-label={t("review.reviewer")}>{x.assigneeName ? <bdi>{x.assigneeName}</bdi> : <span className="muted">{t("review.unassigned")}</span>}</td>
                    <td className="row-actions">
                      {s.status === "SUBMITTED" && x.mayTake && <TakeForm take={takeStatementAction.bind(null, s.id)} title={s.title} />}
                      {x.eligibleReviewers.length > 0 && <AssignForm assign={assignReviewerAction.bind(null, s.id)} reviewers={x.eligibleReviewers} current={s.assigneeId} title={s.title} />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {queue.total > queue.pageSize && (
        <PageLinks page={queue.page} pages={Math.ceil(queue.total / queue.pageSize)} href={href} label={t("common.pagination")} testId="queue-pager" t={t} />
      )}
    </ClientMessages>
  );
}
