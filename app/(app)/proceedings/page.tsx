import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { readerName, readerTitle, readsPersianTitle } from "@/app/_lib/reader-name";
import styles from "@/app/(app)/_components/registry/registry.module.css";
import { RegistrySearch } from "@/app/(app)/_components/registry/search-form";
import { ClientMessages } from "@/app/_components/client-messages";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { listPageHref, orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { listProceedingPage } from "@/lib/proceedings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("proceedings"))("title") };
}

export default async function ProceedingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const q = (param(sp.q) ?? "").trim().slice(0, 200);
  const asked = pageFromAddress(param(sp.page));
  const href = listPageHref("/proceedings", { q });
  const actor = await requirePageActor(href(asked));
  const locale = await getLocale();
  const [list, t] = await Promise.all([orHttpError(listProceedingPage({ actor, query: { q, page: asked }, locale })), getTranslations()]);
  const items = list.items;
  return (
    <ClientMessages namespaces={["registry"]}>
      <div className="page-head">
        <h1>{t("proceedings.title")}</h1>
        {can(actor, "registry.edit") && (
          <div className="page-actions">
            <Link href="/proceedings/new" className="button primary" data-testid="new-proceeding">
              {t("proceedings.new")}
            </Link>
          </div>
        )}
      </div>
      <p className="lead">{t("proceedings.intro")}</p>
      <RegistrySearch kind="proceedings" path="/proceedings" q={q} label={t("proceedings.searchLabel")} placeholder={t("proceedings.searchPlaceholder")} />
      <p className="muted" data-testid="proceeding-count" data-total={list.total}>
        {q ? t("registry.matches", { count: list.total, q }) : t("registry.total", { count: list.total })}
      </p>
      {items.length === 0 ? (
        <p className="empty">{q ? t("registry.noMatches") : t("proceedings.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="proceeding-list">
            <thead>
              <tr>
                <th scope="col">{t("proceedings.titleField")}</th>
                <th scope="col">{t("proceedings.kind")}</th>
                <th scope="col">{t("proceedings.jurisdiction")}</th>
                <th scope="col">{t("proceedings.defendants")}</th>
                <th scope="col">{t("proceedings.status")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} data-testid="proceeding-row">
                  <th scope="row" className="title-cell">
                    <Link href={`/proceedings/${p.id}`} className="record-title">
                      <bdi lang={readsPersianTitle(p, locale) ? "fa" : undefined}>{readerTitle(p, locale)}</bdi>
                    </Link>
                    {/* On a Persian page, a proceeding listed by its Persian title keeps its English one (the court's) under it. */}
                    {readsPersianTitle(p, locale) && (
                      <div className={styles.small}>
                        <bdi dir="ltr" className="muted">
                          {p.title}
                        </bdi>
                      </div>
                    )}
                  </th>
                  <td>{t.has(`proceedings.kinds.${p.kind}`) ? t(`proceedings.kinds.${p.kind}`) : p.kind}</td>
                  <td>
                    <bdi>{readerName({ name: p.jurisdiction, nameFa: p.jurisdictionFa }, locale)}</bdi>
                  </td>
                  <td className={styles.small}>
                    <ul className="inline-list name-list">
                      {p.defendants.map((d) => (
                        <li key={d.id}>
                          <Link href={`/persons/${d.id}`} data-testid="proceeding-row-defendant">
                            <bdi>{readerName(d, locale)}</bdi>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="note-cell">
                    <bdi>{readerName({ name: p.status, nameFa: p.statusFa }, locale)}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.pages > 1 && <PageLinks page={list.page} pages={list.pages} href={href} label={t("proceedings.pagerLabel")} testId="proceeding-pager" t={t} />}
    </ClientMessages>
  );
}
