import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { ExhibitList } from "@/app/_components/exhibits/exhibit-list";
import { ExhibitUploader } from "@/app/_components/exhibits/exhibit-uploader";
import { DateTime } from "@/app/_components/badges";
import styles from "@/app/_components/exhibits/exhibits.module.css";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { listPageHref, orHttpError, param, requirePageActor } from "@/app/_lib/page";
import type { Actor } from "@/lib/auth/actor";
import { listAllExhibits } from "@/lib/exhibits";
import { humanBytes } from "@/lib/exhibits/format";
import { can } from "@/lib/auth/policy";
import { getStatement } from "@/lib/statements/statements";
import { maxUploadBytes } from "@/lib/exhibits/storage";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("exhibits"))("title") };
}

/** The exhibits of one statement (?statementId=…) or one witness (?witnessId=…), with the uploader. */
export default async function ExhibitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const statementId = param(sp.statementId);
  const witnessId = statementId ? undefined : param(sp.witnessId);
  const query = statementId ? `?statementId=${encodeURIComponent(statementId)}` : witnessId ? `?witnessId=${encodeURIComponent(witnessId)}` : "";
  const actor = await requirePageActor(`/exhibits${query}`);
  const t = await getTranslations();
  if (!statementId && !witnessId) {
    // The page as a number, or the first; lib/exhibits takes a page past the last as the last.
    return <AllExhibits actor={actor} page={pageFromAddress(param(sp.page))} />;
  }
  const statement = statementId ? await orHttpError(getStatement({ actor, statementId })) : null;
  return (
    <ClientMessages namespaces={["exhibits", "errors"]}>
      {statement && (
        <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
          <Link href={`/statements/${statement.id}`} dir="auto" lang={statement.language}>
            {statement.title}
          </Link>
        </nav>
      )}
      <h1 id="exhibit-list-heading">{t("exhibits.title")}</h1>
      <p className="lead">{t("exhibits.intro")}</p>
      <section className="panel" aria-labelledby="exhibit-list-heading">
        <ExhibitList statementId={statementId} witnessId={witnessId} />
      </section>
      {can(actor, "exhibit.create") && (
        <section className="panel" aria-labelledby="exhibit-upload-heading">
          <h2 id="exhibit-upload-heading">{t("exhibits.upload.heading")}</h2>
          <ExhibitUploader statementId={statementId} witnessId={witnessId} maxBytes={maxUploadBytes()} />
        </section>
      )}
    </ClientMessages>
  );
}

const PAGE_SIZE = 50;

/** The hash list: every exhibit the actor may see, newest first. */
async function AllExhibits({ actor, page }: { actor: Actor; page: number }) {
  const [list, t, locale] = await Promise.all([listAllExhibits({ actor, query: { page, pageSize: PAGE_SIZE } }), getTranslations(), getLocale()]);
  return (
    <>
      <h1>{t("exhibits.title")}</h1>
      <p className="lead">{t("exhibits.allIntro")}</p>
      <p className="muted" data-testid="exhibit-count">
        {t("exhibits.showing", { total: list.total })}
      </p>
      {list.items.length > 0 && (
        <div className="table-wrap">
          <table className="table compact" data-testid="exhibit-table">
            <thead>
              <tr>
                <th scope="col">{t("exhibits.number")}</th>
                <th scope="col">{t("exhibits.name")}</th>
                <th scope="col">{t("exhibits.type")}</th>
                <th scope="col" className="num">
                  {t("exhibits.size")}
                </th>
                <th scope="col">{t("exhibits.sha256")}</th>
                <th scope="col">{t("exhibits.linkedTo")}</th>
                <th scope="col">{t("exhibits.added")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((e) => (
                <tr key={e.id} data-testid="exhibit-row">
                  <td>
                    <Link href={`/exhibits/${e.id}`} dir="ltr" className={styles.nowrap}>
                      {e.number}
                    </Link>
                  </td>
                  <td>
                    <bdi>{e.originalName}</bdi>
                  </td>
                  <td>
                    <code dir="ltr">{e.mime}</code>
                  </td>
                  <td className="num">
                    <span className={styles.nowrap} data-testid="exhibit-size">
                      {humanBytes(e.size, locale)}
                    </span>
                  </td>
                  <td>
                    <code className="hash-full" dir="ltr">
                      {e.sha256}
                    </code>
                  </td>
                  <td>{t("exhibits.attachedCount", { count: e.links.length })}</td>
                  <td>
                    <DateTime value={e.createdAt} dateOnly />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.pages > 1 && <PageLinks page={list.page} pages={list.pages} href={listPageHref("/exhibits", {})} label={t("common.pagination")} testId="exhibit-pager" t={t} />}
    </>
  );
}
