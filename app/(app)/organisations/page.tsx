import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { ListName, ListOtherName, NameList } from "@/app/(app)/_components/registry/names";
import { RegistrySearch } from "@/app/(app)/_components/registry/search-form";
import styles from "@/app/(app)/_components/registry/registry.module.css";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { listPageHref, orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { listOrganisationPage } from "@/lib/organisations";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisations"))("title") };
}

export default async function OrganisationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const q = (param(sp.q) ?? "").trim().slice(0, 200);
  const asked = pageFromAddress(param(sp.page));
  const href = listPageHref("/organisations", { q });
  const actor = await requirePageActor(href(asked));
  // The list is ordered by the name the reader sees first: on a Persian page, the Persian name.
  const locale = await getLocale();
  const [list, t, format] = await Promise.all([orHttpError(listOrganisationPage({ actor, query: { q, page: asked }, locale })), getTranslations(), getFormatter()]);
  const rows = list.items;
  return (
    <ClientMessages namespaces={["registry"]}>
      <div className="page-head">
        <h1>{t("organisations.title")}</h1>
        {can(actor, "registry.edit") && (
          <div className="page-actions">
            <Link href="/organisations/new" className="button primary" data-testid="new-organisation">
              {t("organisations.new")}
            </Link>
          </div>
        )}
      </div>
      <p className="lead">{t("organisations.intro")}</p>
      <RegistrySearch kind="organisations" path="/organisations" q={q} label={t("organisations.searchLabel")} placeholder={t("organisations.searchPlaceholder")} />
      <p className="muted" data-testid="organisation-count" data-total={list.total}>
        {q ? t("registry.matches", { count: list.total, q }) : t("registry.total", { count: list.total })}
      </p>
      {rows.length === 0 ? (
        <p className="empty">{q ? t("registry.noMatches") : t("organisations.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="organisation-list">
            <thead>
              <tr>
                <th scope="col">{t("organisations.name")}</th>
                {/* The other name: on a Persian page the Latin spelling, the court's; else the Persian name. */}
                <th scope="col">{locale === "fa" ? t("organisations.nameLatin") : t("organisations.nameFa")}</th>
                <th scope="col">{t("organisations.aliases")}</th>
                {q && (
                  <th scope="col" className="num">
                    {t("registry.score")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} data-testid="organisation-row">
                  <th scope="row" className="title-cell">
                    <Link href={`/organisations/${o.id}`} className="record-title">
                      <ListName item={o} locale={locale} />
                    </Link>
                  </th>
                  <td>
                    <ListOtherName item={o} locale={locale} />
                  </td>
                  <td className={styles.small}>{o.aliases.length > 0 && <NameList names={o.aliases} />}</td>
                  {q && <td className={`num ${styles.score}`}>{format.number(o.score, { style: "percent" })}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.pages > 1 && <PageLinks page={list.page} pages={list.pages} href={href} label={t("organisations.pagerLabel")} testId="organisation-pager" t={t} />}
    </ClientMessages>
  );
}
