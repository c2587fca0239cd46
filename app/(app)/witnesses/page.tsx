import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { DateTime, FictionalBadge, ProtectionBadge } from "@/app/_components/badges";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { listPageHref, orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { findWitnessListRow, listWitnessPage } from "@/lib/witnesses/witnesses";
import { WitnessCode } from "@/app/_components/witness-code";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("witnesses"))("title") };
}

export default async function WitnessesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  // The filter as typed (lib reads it as a part of a code); the page as a number, or the first.
  const typed = (param(sp.q) ?? "").trim().slice(0, 50);
  const asked = pageFromAddress(param(sp.page));
  const href = listPageHref("/witnesses", { q: typed });
  const actor = await requirePageActor(href(asked));
  const created = param(sp.created);
  // The new witness is read by its code: it is on the last page of a long list, not this one.
  const [list, createdWitness, t, format] = await Promise.all([
    orHttpError(listWitnessPage({ actor, query: { q: typed, page: asked } })),
    created ? orHttpError(findWitnessListRow({ actor, code: created })) : null,
    getTranslations(),
    getFormatter(),
  ]);
  const witnesses = list.items;
  return (
    <>
      <div className="page-head">
        <h1>{t("witnesses.title")}</h1>
        {can(actor, "witness.create") && (
          <div className="page-actions">
            <Link href="/witnesses/new" className="button primary" data-testid="new-witness">
              {t("witnesses.new")}
            </Link>
          </div>
        )}
      </div>
      <p className="lead">{t("witnesses.intro")}</p>
      {createdWitness && (
        <div className="banner banner-ok" role="status" data-testid="witness-created">
          {t.rich("witnesses.created", { code: createdWitness.code, w: () => <WitnessCode code={createdWitness.code} /> })}{" "}
          {can(actor, "statement.create") && (
            <Link href={`/statements/new?witnessId=${createdWitness.id}`}>{t.rich("witnesses.recordStatement", { code: createdWitness.code, w: () => <WitnessCode code={createdWitness.code} /> })}</Link>
          )}
        </div>
      )}
      <form method="get" action="/witnesses" className="filters" role="search" data-testid="witness-filter">
        <div className="field">
          <label htmlFor="witness-filter-q">{t("witnesses.filterLabel")}</label>
          <input id="witness-filter-q" name="q" type="search" defaultValue={typed} dir="auto" autoComplete="off" spellCheck={false} placeholder={t("witnesses.filterPlaceholder")} aria-describedby="witness-filter-hint" />
          <p className="hint" id="witness-filter-hint">
            {t("witnesses.filterHint")}
          </p>
        </div>
        <div className="filter-actions">
          <button type="submit" className="button">
            {t("witnesses.filter")}
          </button>
          {typed && <Link href="/witnesses">{t("witnesses.clearFilter")}</Link>}
        </div>
      </form>
      <p className="muted" data-testid="witness-count" data-total={list.total}>
        {list.q ? t("witnesses.matches", { total: list.total, q: list.q }) : t("witnesses.count", { total: list.total })}
      </p>
      {witnesses.length === 0 ? (
        <p className="empty">{list.q || typed ? t("witnesses.noMatches") : t("witnesses.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="witness-list">
            <thead>
              <tr>
                <th scope="col">{t("witnesses.code")}</th>
                <th scope="col">{t("witnesses.protectionLevel")}</th>
                <th scope="col" className="num">
                  {t("witnesses.statements")}
                </th>
                <th scope="col">{t("witnesses.registered")}</th>
                {can(actor, "statement.create") && (
                  <th scope="col">
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {witnesses.map((w) => (
                <tr key={w.id} data-testid="witness-row" data-code={w.code}>
                  <th scope="row">
                    <span className="badges">
                      <WitnessCode code={w.code} href={`/witnesses/${w.id}`} testId="witness-link" />
                      {w.fictional && <FictionalBadge />}
                    </span>
                  </th>
                  <td>
                    <ProtectionBadge level={w.protectionLevel} />
                  </td>
                  <td className="num">{format.number(w._count.statements)}</td>
                  <td>
                    <DateTime value={w.createdAt} dateOnly />
                  </td>
                  {can(actor, "statement.create") && (
                    <td className="row-actions">
                      <Link href={`/statements/new?witnessId=${w.id}`}>{t("witnesses.addStatement")}</Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.pages > 1 && <PageLinks page={list.page} pages={list.pages} href={href} label={t("witnesses.pagerLabel")} testId="witness-pager" t={t} />}
    </>
  );
}
