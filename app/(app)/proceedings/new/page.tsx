import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { PROCEEDING_KINDS } from "@/lib/proceedings/schemas";
import { createProceedingAction } from "../actions";
import { ProceedingForm } from "../_components/proceeding-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("proceedings"))("newTitle") };
}

export default async function NewProceedingPage() {
  const actor = await requirePageActor("/proceedings/new");
  if (!can(actor, "registry.edit")) forbidden();
  const t = await getTranslations();
  return (
    <ClientMessages namespaces={["proceedings", "registry.picker", "registry.autocomplete", "registry.rows"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/proceedings">{t("nav.proceedings")}</Link>
      </nav>
      <h1>{t("proceedings.newTitle")}</h1>
      <div className="panel">
        <ProceedingForm action={createProceedingAction} kinds={PROCEEDING_KINDS} initial={{ kind: "CRIMINAL_TRIAL" }} submitLabel={t("proceedings.create")} />
      </div>
    </ClientMessages>
  );
}
