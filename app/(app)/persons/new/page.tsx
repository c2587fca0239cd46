import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { createPersonAction } from "../actions";
import { PersonForm } from "../_components/person-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("persons"))("newTitle") };
}

export default async function NewPersonPage() {
  const actor = await requirePageActor("/persons/new");
  if (!can(actor, "registry.edit")) forbidden();
  const t = await getTranslations();
  return (
    <ClientMessages namespaces={["persons", "registry.rows"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/persons">{t("nav.persons")}</Link>
      </nav>
      <h1>{t("persons.newTitle")}</h1>
      <p className="lead">{t("persons.newIntro")}</p>
      <div className="panel">
        <PersonForm action={createPersonAction} submitLabel={t("persons.create")} />
      </div>
    </ClientMessages>
  );
}
