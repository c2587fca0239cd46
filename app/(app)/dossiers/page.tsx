import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { DateTime } from "@/app/_components/badges";
import { param, requirePageActor } from "@/app/_lib/page";
import { DossierErrorBanner } from "./error-banner";
import { can } from "@/lib/auth/policy";
import { listDossiers } from "@/lib/dossiers";
import { readerName, readsPersian } from "@/app/_lib/reader-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dossiers"))("title") };
}

export default async function DossiersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const error = param((await searchParams).error);
  const actor = await requirePageActor("/dossiers");
  const [{ items }, t, format, locale] = await Promise.all([listDossiers({ actor }), getTranslations(), getFormatter(), getLocale()]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("dossiers.title")}</h1>
          <p className="lead">{t("dossiers.intro")}</p>
        </div>
        {can(actor, "dossier.edit") && (
          <div className="page-actions">
            <Link href="/dossiers/new" className="button primary" data-testid="new-dossier">
              {t("dossiers.new")}
            </Link>
          </div>
        )}
      </div>
      <DossierErrorBanner code={error} />
      {items.length === 0 ? (
        <p className="empty" data-testid="dossiers-empty">
          {t("dossiers.empty")}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="dossier-list">
            <thead>
              <tr>
                <th scope="col">{t("dossiers.fields.title")}</th>
                <th scope="col">{t("dossiers.fields.subject")}</th>
                <th scope="col" className="num">
                  {t("dossiers.itemCount")}
                </th>
                <th scope="col">{t("dossiers.createdBy")}</th>
                <th scope="col">{t("dossiers.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} data-testid="dossier-row">
                  {/* The title keeps a paragraph's width, as every registry list's does: on a phone the
                      table scrolls in its frame rather than stacking the title a word to a line. */}
                  <th scope="row" className="title-cell">
                    <Link href={`/dossiers/${d.id}`} dir="auto" className="record-title">
                      {d.title}
                    </Link>
                  </th>
                  <td className="name-cell">
                    <span className="muted">{t(`dossiers.subjectTypes.${d.subjectType}`)}:</span> {/* A proceeding by its Persian title, a person by the Persian name, on a Persian page. */}
                    <bdi lang={readsPersian(d.subject, locale) ? "fa" : undefined} data-testid="dossier-row-subject">
                      {readerName(d.subject, locale)}
                    </bdi>
                  </td>
                  <td className="num">{format.number(d.itemCount)}</td>
                  <td>
                    <bdi>{d.createdBy.name}</bdi>
                  </td>
                  <td>
                    <DateTime value={d.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
