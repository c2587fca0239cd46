import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { createOrganisationAction } from "../actions";
import { OrganisationForm } from "../_components/organisation-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisations"))("newTitle") };
}

export default async function NewOrganisationPage() {
  const actor = await requirePageActor("/organisations/new");
  if (!can(actor, "registry.edit")) forbidden();
  const t = await getTranslations();
  return (
    <ClientMessages namespaces={["registry", "organisations", "places"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/organisations">{t("nav.organisations")}</Link>
      </nav>
      <h1>{t("organisations.newTitle")}</h1>
      <div className="panel">
        <OrganisationForm action={createOrganisationAction} submitLabel={t("organisations.create")} />
      </div>
    </ClientMessages>
  );
}
