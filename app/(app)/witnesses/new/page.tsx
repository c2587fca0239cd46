import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { CONSENT_SCOPES } from "@/lib/witnesses/identity";
import { CONSENT_METHODS, PROTECTION_LEVELS } from "@/lib/witnesses/witnesses";
import { WitnessForm } from "./_components/witness-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("witnesses"))("newTitle") };
}

export default async function NewWitnessPage() {
  const actor = await requirePageActor("/witnesses/new");
  if (!can(actor, "witness.create")) forbidden();
  const t = await getTranslations();
  return (
    <ClientMessages namespaces={["witnesses", "protection", "witness"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/witnesses">{t("nav.witnesses")}</Link>
      </nav>
      <h1>{t("witnesses.newTitle")}</h1>
      <p className="lead">{t("witnesses.newIntro")}</p>
      <div className="panel">
        <WitnessForm levels={PROTECTION_LEVELS} scopes={CONSENT_SCOPES} methods={CONSENT_METHODS} />
      </div>
    </ClientMessages>
  );
}
