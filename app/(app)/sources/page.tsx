import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { GradeBadge } from "@/app/_components/grading";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { listPageHref, orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { LIST_PER_PAGE } from "@/lib/paging";
import { can } from "@/lib/auth/policy";
import { listClaimTopics } from "@/lib/claims";
import { listSources } from "@/lib/sources";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sources"))("title") };
}

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const q = (param(sp.q) ?? "").slice(0, 200);
  const gradedRaw = param(sp.graded);
  const graded = gradedRaw === "yes" || gradedRaw === "no" ? gradedRaw : undefined;
  const dateToFix = param(sp.dateToFix) === "yes" ? "yes" : undefined;
  const asked = pageFromAddress(param(sp.page));
  const href = listPageHref("/sources", { q, graded, dateToFix });
  const actor = await requirePageActor(href(asked));
  const [result, topics, t, format] = await Promise.all([orHttpError(listSources({ actor, query: { q, graded, dateToFix, page: asked, pageSize: LIST_PER_PAGE } })), listClaimTopics({ actor }), getTranslations(), getFormatter()]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("sources.title")}</h1>
          <p className="lead">{t("sources.intro")}</p>
        </div>
        {can(actor, "source.edit") && (
          <div className="page-actions">
            <Link href="/sources/new" className="button primary" data-testid="new-source">
              {t("sources.new")}
            </Link>
          </div>
        )}
      </div>

      {topics.length > 0 && (
        <section className="panel" aria-labelledby="topics-heading" data-testid="claim-topics">
          <h2 id="topics-heading">{t("claims.topicsHeading")}</h2>
          <ul className="inline-list">
            {topics.map((x) => (
              <li key={x.topic}>
                <Link href={`/claims/${x.topic}`} data-testid="topic-link">
                  {t.has(`claims.topics.${x.topic}`) ? t(`claims.topics.${x.topic}`) : x.topic}
                </Link>{" "}
                <span className="muted">({t("claims.claimCount", { count: x.count })})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <form method="get" action="/sources" className="filters" data-testid="source-filters">
        <div className="field">
          <label htmlFor="filter-q">{t("sources.search")}</label>
          <input id="filter-q" name="q" type="search" dir="auto" defaultValue={q} />
        </div>
        <div className="field">
          <label htmlFor="filter-graded">{t("sources.grading")}</label>
          <select id="filter-graded" name="graded" defaultValue={graded ?? ""}>
            <option value="">{t("sources.gradedAll")}</option>
            <option value="yes">{t("sources.gradedYes")}</option>
            <option value="no">{t("sources.gradedNo")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-date">{t("sources.dateFilter")}</label>
          <select id="filter-date" name="dateToFix" defaultValue={dateToFix ?? ""} data-testid="filter-date-to-fix">
            <option value="">{t("sources.dateFilterAll")}</option>
            <option value="yes">{t("sources.dateFilterToFix")}</option>
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit" className="button">
            {t("statements.applyFilters")}
          </button>
          {(q || graded || dateToFix) && <Link href="/sources">{t("statements.clearFilters")}</Link>}
        </div>
      </form>

      <p className="muted" data-testid="source-count">
        {t("sources.showing", { total: result.total })}
      </p>

      {result.items.length === 0 ? (
        <p className="empty">{t("sources.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="source-list">
            <thead>
              <tr>
                <th scope="col">{t("sources.fields.title")}</th>
                <th scope="col">{t("sources.fields.author")}</th>
                <th scope="col" className="num">
                  {t("sources.fields.year")}
                </th>
                <th scope="col">{t("sources.fields.kind")}</th>
                <th scope="col">{t("sources.grade")}</th>
                <th scope="col" className="num">
                  {t("sources.claims")}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((s) => (
                <tr key={s.id} data-testid="source-row" data-source-id={s.id}>
                  <td className="title-cell">
                    <Link href={`/sources/${s.id}`} dir="auto" className="record-title">
                      {s.title}
                    </Link>
                    {s.dateUnreadable && (
                      <span className="badge badge-date-to-fix" title={t("sources.dateToFixTitle")} data-testid="date-to-fix-badge">
                        {t("sources.dateToFixBadge")}
                      </span>
                    )}
                  </td>
                  <td>
                    <bdi>{s.author}</bdi>
                  </td>
                  <td className="num">{s.year === null ? "—" : format.number(s.year, { useGrouping: false })}</td>
                  <td>
                    <bdi>{s.kind}</bdi>
                  </td>
                  <td>
                    <GradeBadge reliability={s.reliability} credibility={s.credibility} />
                  </td>
                  <td className="num">{format.number(s.claimCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.pages > 1 && <PageLinks page={result.page} pages={result.pages} href={href} label={t("sources.pagerLabel")} testId="source-pager" t={t} />}
    </>
  );
}
