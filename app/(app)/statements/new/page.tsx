import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { INTERVIEW_MODES, LANGUAGES, WITNESS_RELATIONS } from "@/lib/statements/schemas";
import { listWitnesses } from "@/lib/witnesses/witnesses";
import { NewStatementForm } from "./_components/new-statement-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statements"))("newTitle") };
}

export default async function NewStatementPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("/statements/new");
  if (!can(actor, "statement.create")) forbidden();
  const sp = await searchParams;
  const [witnesses, t, locale] = await Promise.all([listWitnesses({ actor }), getTranslations(), getLocale()]);
  const preselected = param(sp.witnessId);
  const initial = {
    witnessId: witnesses.some((w) => w.id === preselected) ? (preselected as string) : "",
    language: locale === "fa" ? "fa" : "en",
  };
  return (
    <ClientMessages namespaces={["statements", "protection", "languages"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/statements">{t("nav.statements")}</Link>
      </nav>
      <h1>{t("statements.newTitle")}</h1>
      <p className="lead">{t("statements.newIntro")}</p>
      {witnesses.length === 0 ? (
        <p className="empty">
          {t("statements.noWitnesses")} {can(actor, "witness.create") && <Link href="/witnesses/new">{t("witnesses.new")}</Link>}
        </p>
      ) : (
        <div className="panel">
          <NewStatementForm
            witnesses={witnesses.map((w) => ({ id: w.id, code: w.code, fictional: w.fictional, protectionLevel: w.protectionLevel }))}
            choices={{ languages: LANGUAGES, modes: INTERVIEW_MODES, relations: WITNESS_RELATIONS }}
            initial={initial}
          />
        </div>
      )}
    </ClientMessages>
  );
}
