import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { DateTime, FictionalBadge, StatusBadge } from "@/app/_components/badges";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { listPageHref, orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { LANGUAGES, STATEMENT_STATUSES } from "@/lib/statements/schemas";
import { listStatements } from "@/lib/statements/statements";
import { WitnessCode } from "@/app/_components/witness-code";

const PAGE_SIZE = 25;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statements"))("title") };
}

function pick<T extends string>(allowed: readonly T[], v: string | undefined): T | undefined {
  return allowed.find((a) => a === v);
}

export default async function StatementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  // Unknown filter values are dropped rather than answered with an error page.
  const status = pick(STATEMENT_STATUSES, param(sp.status));
  const language = pick(LANGUAGES, param(sp.language));
  // The page as a number, or the first; lib/statements takes a page past the last as the last.
  const asked = pageFromAddress(param(sp.page));
  const href = listPageHref("/statements", { status, language });
  const actor = await requirePageActor(href(asked));
  const [result, t, format] = await Promise.all([
    orHttpError(listStatements({ actor, query: { status, language, page: asked, pageSize: PAGE_SIZE } })),
    getTranslations(),
    getFormatter(),
  ]);
  const { page, pages } = result;
  return (
    <>
      <div className="page-head">
        <h1>{t("statements.title")}</h1>
        {can(actor, "statement.create") && (
          <div className="page-actions">
            <Link href="/statements/new" className="button primary" data-testid="new-statement">
              {t("statements.new")}
            </Link>
          </div>
        )}
      </div>

      <p><a href={`/api/v1/exports/statements.csv${href(1).replace("/statements", "")}`} className="button" download data-testid="download-csv">{t("transfer.downloadCsv")}</a></p>
      <form method="get" action="/statements" className="filters" data-testid="statement-filters">
        <div className="field">
          <label htmlFor="filter-status">{t("statements.status")}</label>
          <select id="filter-status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("statements.allStatuses")}</option>
            {STATEMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
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
        <div className="filter-actions">
          <button type="submit" className="button">
            {t("statements.applyFilters")}
          </button>
          {(status || language) && <Link href="/statements">{t("statements.clearFilters")}</Link>}
        </div>
      </form>

      <p className="muted" data-testid="statement-count">
        {t("statements.showing", { total: result.total })}
      </p>

      {result.items.length === 0 ? (
        <p className="empty">{t("statements.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table stack-narrow" data-testid="statement-list">
            <thead>
              <tr>
                <th scope="col">{t("statements.titleField")}</th>
                <th scope="col">{t("statements.witness")}</th>
                <th scope="col">{t("statements.language")}</th>
                <th scope="col">{t("statements.status")}</th>
                <th scope="col" className="num">
                  {t("statements.revisionShort")}
                </th>
                <th scope="col">{t("statements.updated")}</th>
                <th scope="col">{t("statements.author")}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((s) => (
                <tr key={s.id} data-testid="statement-row">
                  <td className="title-cell">
                    <Link href={`/statements/${s.id}`} dir="auto" lang={s.language} className="record-title">
                      {s.title}
                    </Link>
                    {s.fictional && <FictionalBadge />}
                  </td>
                  <td data-label={t("statements.witness")}>
                    <WitnessCode code={s.witness.code} />
                  </td>
                  <td data-label={t("statements.language")}>{t(`languages.${s.language === "fa" ? "fa" : "en"}`)}</td>
                  <td data-label={t("statements.status")}>
                    <StatusBadge status={s.status} />
                  </td>
                  <td className="num" data-label={t("statements.revisionShort")}>
                    {format.number(s.revisionNumber)}
                  </td>
                  <td data-label={t("statements.updated")}>
                    <DateTime value={s.updatedAt} />
                  </td>
                  <td data-label={t("statements.author")}>
                    <bdi>{s.author.name}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 && <PageLinks page={page} pages={pages} href={href} label={t("common.pagination")} testId="pager" t={t} />}
    </>
  );
}
