import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { FORMAT_VERSION } from "@/lib/transfer/export";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transfer"))("exportTitle") };
}

export default async function FullExportPage() {
  const actor = await requirePageActor("/transfer/export");
  if (!can(actor, "data.export")) forbidden();
  const t = await getTranslations("transfer");
  const code = (s: string) => (
    <code dir="ltr" key={s}>
      {s}
    </code>
  );
  return (
    <>
      <h1>{t("exportTitle")}</h1>
      <p className="lead">{t("exportIntro", { version: FORMAT_VERSION })}</p>
      <p className="note note-warning">{t("exportWarning")}</p>
      <p>
        <a href="/api/v1/exports/full.zip" className="button primary" download data-testid="full-export">
          {t("exportDownload")}
        </a>
      </p>
      <p>
        {t("exportCli")} {code(`npm run casefile -- export casefile-export.zip --as ${actor.email}`)}
      </p>
      <p>
        {t("exportLoad")} {code("npm run casefile -- import casefile-export.zip")}
      </p>
    </>
  );
}
