import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExhibitList } from "@/app/_components/exhibits/exhibit-list";
import { ExhibitUploader } from "@/app/_components/exhibits/exhibit-uploader";
import { orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getStatement } from "@/lib/statements/statements";
import { maxUploadBytes } from "@/lib/exhibits/storage";

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
    return (
      <>
        <h1>{t("exhibits.title")}</h1>
        <p className="lead">{t("exhibits.intro")}</p>
        <p>
          <Link href="/statements">{t("nav.statements")}</Link>
        </p>
      </>
    );
  }
  const statement = statementId ? await orHttpError(getStatement({ actor, statementId })) : null;
  return (
    <>
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
    </>
  );
}
