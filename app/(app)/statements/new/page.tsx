import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { INTERVIEW_MODES, LANGUAGES, WITNESS_RELATIONS } from "@/lib/statements/schemas";
import { countReadableWitnesses, findWitnessListRow } from "@/lib/witnesses/witnesses";
import { NewStatementForm } from "./_components/new-statement-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statements"))("newTitle") };
}

/** A witness id as the witness pages link it (a cuid); anything else names no witness and is not looked up. */
const ID = /^[0-9A-Za-z_-]{1,64}$/;

// The witness is typed by code (suggestions as one types, from GET /api/v1/witnesses?q=): the
// page reads how many witnesses the actor may choose from and the preselected one, never the whole list.
export default async function NewStatementPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("/statements/new");
  if (!can(actor, "statement.create")) forbidden();
  const sp = await searchParams;
  const preselected = param(sp.witnessId);
  const [total, chosen, t, locale] = await Promise.all([
    countReadableWitnesses({ actor }),
    preselected && ID.test(preselected) ? findWitnessListRow({ actor, id: preselected }) : null,
    getTranslations(),
    getLocale(),
  ]);
  const initial = { witnessCode: chosen?.code ?? "", language: locale === "fa" ? "fa" : "en" };
  return (
    <ClientMessages namespaces={["statements", "protection", "statuses", "languages", "registry.autocomplete"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/statements">{t("nav.statements")}</Link>
      </nav>
      <h1>{t("statements.newTitle")}</h1>
      <p className="lead">{t("statements.newIntro")}</p>
      {total === 0 ? (
        <p className="empty">
          {t("statements.noWitnesses")} {can(actor, "witness.create") && <Link href="/witnesses/new">{t("witnesses.new")}</Link>}
        </p>
      ) : (
        <div className="panel">
          <NewStatementForm witnessCount={total} choices={{ languages: LANGUAGES, modes: INTERVIEW_MODES, relations: WITNESS_RELATIONS }} initial={initial} />
        </div>
      )}
    </ClientMessages>
  );
}
