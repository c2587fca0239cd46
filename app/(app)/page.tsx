import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { DateTime, FictionalBadge, StatusBadge } from "@/app/_components/badges";
import { requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getDashboardSummary, getRecentStatements } from "@/lib/dashboard/get-dashboard-summary";
import { STATEMENT_STATUSES } from "@/lib/statements/schemas";
import { WitnessCode } from "@/app/_components/witness-code";

export default async function DashboardPage() {
  const actor = await requirePageActor("/");
  const [summary, recent, t, format] = await Promise.all([getDashboardSummary({ actor }), getRecentStatements({ actor }), getTranslations(), getFormatter()]);
  const review = summary.review;
  const n = (v: number) => format.number(v);
  const reviews = actor.role === "REVIEWER" || actor.role === "ADMIN";
  return (
    <>
      <div className="page-head">
        <h1>{t("dashboard.title")}</h1>
        <div className="page-actions">
          {can(actor, "statement.create") && (
            <Link href="/statements/new" className="button primary" data-testid="start-statement">
              {t("dashboard.startStatement")}
            </Link>
          )}
          {can(actor, "witness.create") && (
            <Link href="/witnesses/new" className="button">
              {t("dashboard.registerWitness")}
            </Link>
          )}
        </div>
      </div>

      {(summary.fictionalStatements > 0 || summary.fictionalWitnesses > 0) && (
        <aside className="note note-fictional" data-testid="fictional-note">
          <FictionalBadge /> <span>{t("dashboard.fictionalNote", { statements: summary.fictionalStatements, witnesses: summary.fictionalWitnesses })}</span>
        </aside>
      )}

      <section className="stat-grid" aria-label={t("dashboard.totals")}>
        <Link href="/statements" className="stat" data-testid="count-statements">
          <span className="stat-value">{n(summary.statements)}</span>
          <span className="stat-label">{t("dashboard.statements")}</span>
        </Link>
        <Link href="/witnesses" className="stat" data-testid="count-witnesses">
          <span className="stat-value">{n(summary.witnesses)}</span>
          <span className="stat-label">{t("dashboard.witnesses")}</span>
        </Link>
      </section>

      <section className="stat-grid" aria-label={t("dashboard.reviewTotals")} data-testid="review-counts">
        <Link href={reviews ? "/review?state=SUBMITTED" : "/statements?status=SUBMITTED"} className="stat" data-testid="count-submitted">
          <span className="stat-value">{n(review.submitted)}</span>
          <span className="stat-label">{t("dashboard.awaitingReview")}</span>
        </Link>
        <Link href={reviews ? "/review?state=IN_REVIEW" : "/statements?status=IN_REVIEW"} className="stat" data-testid="count-in-review">
          <span className="stat-value">{n(review.inReview)}</span>
          <span className="stat-label">{t("dashboard.inReview")}</span>
        </Link>
        {reviews && (
          <Link href="/review?state=MINE" className="stat" data-testid="count-mine">
            <span className="stat-value">{n(review.mine)}</span>
            <span className="stat-label">{t("dashboard.mine")}</span>
          </Link>
        )}
        <Link href="/notifications" className="stat" data-testid="count-unread">
          <span className="stat-value">{n(review.unread)}</span>
          <span className="stat-label">{t("dashboard.unread")}</span>
        </Link>
      </section>

      <div className="dash-grid">
        <section className="panel">
          <h2>{t("dashboard.byStatus")}</h2>
          <table className="table compact" data-testid="status-counts">
            <thead>
              <tr>
                <th scope="col">{t("statements.status")}</th>
                <th scope="col" className="num">
                  {t("dashboard.count")}
                </th>
              </tr>
            </thead>
            <tbody>
              {STATEMENT_STATUSES.map((s) => (
                <tr key={s} data-status={s}>
                  <td>
                    <Link href={`/statements?status=${s}`}>
                      <StatusBadge status={s} />
                    </Link>
                  </td>
                  <td className="num">{n(summary.statementsByStatus[s] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="panel">
          <h2>{t("dashboard.recent")}</h2>
          {recent.length === 0 ? (
            <p className="muted">{t("statements.empty")}</p>
          ) : (
            <ul className="recent-list">
              {recent.map((s) => (
                <li key={s.id}>
                  <Link href={`/statements/${s.id}`} dir="auto" lang={s.language}>
                    {s.title}
                  </Link>{" "}
                  {s.fictional && <FictionalBadge />}
                  <span className="meta">
                    <WitnessCode code={s.witness.code} />
                    <StatusBadge status={s.status} />
                    <DateTime value={s.updatedAt} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
