import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageActor } from "@/app/_lib/page";
import { forbidden } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { SOURCE_KINDS } from "@/lib/sources/schemas";
import { createSourceAction } from "../actions";
import { SourceForm } from "../_components/source-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sources"))("newTitle") };
}

export default async function NewSourcePage() {
  const actor = await requirePageActor("/sources/new");
  if (!can(actor, "source.edit")) forbidden();
  const t = await getTranslations();
  return (
    <ClientMessages namespaces={["sources"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/sources">{t("sources.title")}</Link>
      </nav>
      <h1>{t("sources.newTitle")}</h1>
      <p className="lead">{t("sources.newIntro")}</p>
      <SourceForm action={createSourceAction} kinds={SOURCE_KINDS} submitLabel={t("sources.create")} />
    </ClientMessages>
  );
}
