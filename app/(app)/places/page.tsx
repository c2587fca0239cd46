import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { ListName, ListOtherName, NameList } from "@/app/(app)/_components/registry/names";
import { RegistrySearch } from "@/app/(app)/_components/registry/search-form";
import styles from "@/app/(app)/_components/registry/registry.module.css";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { listPageHref, orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { listPlacePage } from "@/lib/places";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("places"))("title") };
}

export default async function PlacesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const q = (param(sp.q) ?? "").trim().slice(0, 200);
  const asked = pageFromAddress(param(sp.page));
  const href = listPageHref("/places", { q });
  const actor = await requirePageActor(href(asked));
  // The list is ordered by the name the reader sees first: on a Persian page, the Persian name.
  const locale = await getLocale();
  const [list, t, format] = await Promise.all([orHttpError(listPlacePage({ actor, query: { q, page: asked }, locale })), getTranslations(), getFormatter()]);
  const rows = list.items;
  return (
    <ClientMessages namespaces={["registry"]}>
      <div className="page-head">
        <h1>{t("places.title")}</h1>
        {can(actor, "registry.edit") && (
          <div className="page-actions">
            <Link href="/places/new" className="button primary" data-testid="new-place">
              {t("places.new")}
            </Link>
          </div>
        )}
      </div>
      <p className="lead">{t("places.intro")}</p>
      <RegistrySearch kind="places" path="/places" q={q} label={t("places.searchLabel")} placeholder={t("places.searchPlaceholder")} />
      <p className="muted" data-testid="place-count" data-total={list.total}>
        {q ? t("registry.matches", { count: list.total, q }) : t("registry.total", { count: list.total })}
      </p>
      {rows.length === 0 ? (
        <p className="empty">{q ? t("registry.noMatches") : t("places.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="place-list">
            <thead>
              <tr>
                <th scope="col">{t("places.name")}</th>
                {/* The other name: on a Persian page the Latin spelling, the court's; else the Persian name. */}
                <th scope="col">{locale === "fa" ? t("places.nameLatin") : t("places.nameFa")}</th>
                <th scope="col">{t("places.aliases")}</th>
                <th scope="col">{t("places.city")}</th>
                {q && (
                  <th scope="col" className="num">
                    {t("registry.score")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} data-testid="place-row">
                  <th scope="row" className="title-cell">
                    <Link href={`/places/${p.id}`} className="record-title">
                      <ListName item={p} locale={locale} />
                    </Link>
                  </th>
                  <td className={styles.nowrap}>
                    <ListOtherName item={p} locale={locale} />
                  </td>
                  <td className={styles.small}>{p.aliases.length > 0 && <NameList names={p.aliases} />}</td>
                  <td>
                    <bdi>{p.city}</bdi>
                  </td>
                  {q && <td className={`num ${styles.score}`}>{format.number(p.score, { style: "percent" })}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.pages > 1 && <PageLinks page={list.page} pages={list.pages} href={href} label={t("places.pagerLabel")} testId="place-pager" t={t} />}
    </ClientMessages>
  );
}
