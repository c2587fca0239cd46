import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transfer"))("title") };
}

const CSV = [
  { kind: "statements", label: "csvStatements" },
  { kind: "persons", label: "csvPersons" },
  { kind: "links", label: "csvLinks" },
] as const;

/** The hub: import (built in /transfer/import), CSV lists, the full export, backups. */
export default async function TransferPage() {
  const actor = await requirePageActor("/transfer");
  const t = await getTranslations("transfer");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>

      {can(actor, "import.run") && (
        <section className="panel" data-testid="transfer-import">
          <h2>{t("importHeading")}</h2>
          <p>{t("importText")}</p>
          <Link href="/transfer/import" className="button primary">
            {t("importLink")}
          </Link>
        </section>
      )}

      {can(actor, "list.export") && (
        <section className="panel" data-testid="transfer-csv">
          <h2>{t("csvHeading")}</h2>
          <p>{t("csvText")}</p>
          <div className="page-actions">
            {CSV.map((c) => (
              <a key={c.kind} href={`/api/v1/exports/${c.kind}.csv`} className="button" download data-testid={`csv-${c.kind}`}>
                {t("downloadCsv")}: {t(c.label)}
              </a>
            ))}
          </div>
        </section>
      )}

      <section className="panel" data-testid="transfer-full">
        <h2>{t("fullHeading")}</h2>
        <p>{t("fullText")}</p>
        {can(actor, "data.export") ? (
          <Link href="/transfer/export" className="button">
            {t("fullLink")}
          </Link>
        ) : (
          <p className="muted">{t("fullAdminOnly")}</p>
        )}
      </section>

      {can(actor, "backup.manage") && (
        <section className="panel">
          <h2>{t("backupHeading")}</h2>
          <p>{t("backupText")}</p>
          <Link href="/admin/backups" className="button">
            {t("backupLink")}
          </Link>
        </section>
      )}
    </>
  );
}
