import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { ListName, ListOtherName, NameList, PositionTitle } from "@/app/(app)/_components/registry/names";
import { RegistrySearch } from "@/app/(app)/_components/registry/search-form";
import styles from "@/app/(app)/_components/registry/registry.module.css";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { listPageHref, orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { listPersonPage } from "@/lib/persons";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("persons"))("title") };
}

export default async function PersonsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const q = (param(sp.q) ?? "").trim().slice(0, 200);
  const asked = pageFromAddress(param(sp.page));
  const href = listPageHref("/persons", { q });
  const actor = await requirePageActor(href(asked));
  // The list is ordered by the name the reader sees first: on a Persian page, the Persian name.
  const locale = await getLocale();
  const [list, t, format] = await Promise.all([orHttpError(listPersonPage({ actor, query: { q, page: asked }, locale })), getTranslations(), getFormatter()]);
  const rows = list.items;
  const fa = locale === "fa";
  return (
    <ClientMessages namespaces={["registry"]}>
      <div className="page-head">
        <h1>{t("persons.title")}</h1>
        {can(actor, "registry.edit") && (
          <div className="page-actions">
            <Link href="/persons/new" className="button primary" data-testid="new-person">
              {t("persons.new")}
            </Link>
          </div>
        )}
      </div>
      <p className="lead">{t("persons.intro")}</p>
      <p><a href={`/api/v1/exports/persons.csv${q ? `?q=${encodeURIComponent(q)}` : ""}`} className="button" download data-testid="download-csv">{t("transfer.downloadCsv")}</a></p>
      <RegistrySearch kind="persons" path="/persons" q={q} label={t("persons.searchLabel")} placeholder={t("persons.searchPlaceholder")} />
      <p className="muted" data-testid="person-count" data-total={list.total}>
        {q ? t("registry.matches", { count: list.total, q }) : t("registry.total", { count: list.total })}
      </p>
      {rows.length === 0 ? (
        <p className="empty">{q ? t("registry.noMatches") : t("persons.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="person-list">
            <thead>
              <tr>
                <th scope="col">{t("persons.name")}</th>
                {/* The other name: on a Persian page the Latin spelling, the court's; else the Persian name. */}
                <th scope="col">{fa ? t("persons.nameLatin") : t("persons.nameFa")}</th>
                <th scope="col">{t("persons.aliases")}</th>
                <th scope="col">{t("persons.positions")}</th>
                {q && (
                  <th scope="col" className="num">
                    {t("registry.score")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} data-testid="person-row">
                  <th scope="row" className="title-cell">
                    <Link href={`/persons/${p.id}`} className="record-title" data-testid="person-link">
                      <ListName item={p} locale={locale} />
                    </Link>
                    {q && p.matched && p.matched !== p.name && p.matched !== p.nameFa && (
                      <div className={`${styles.small} muted`}>
                        {t("registry.matchedOn")} <bdi>{p.matched}</bdi>
                      </div>
                    )}
                  </th>
                  <td className={styles.nowrap} data-testid="person-other-name">
                    <ListOtherName item={p} locale={locale} />
                  </td>
                  <td className={styles.small}>{p.aliases.length > 0 && <NameList names={p.aliases} />}</td>
                  <td className={`${styles.small} note-cell`}>
                    {p.positions.length > 0 && (
                      <ul className="inline-list">
                        {p.positions.map((x, i) => (
                          <li key={i}>
                            <PositionTitle position={x} locale={locale} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  {q && <td className={`num ${styles.score}`}>{format.number(p.score, { style: "percent" })}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.pages > 1 && <PageLinks page={list.page} pages={list.pages} href={href} label={t("persons.pagerLabel")} testId="person-pager" t={t} />}
    </ClientMessages>
  );
}
