import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { createPlaceAction } from "../actions";
import { PlaceForm } from "../_components/place-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("places"))("newTitle") };
}

export default async function NewPlacePage() {
  const actor = await requirePageActor("/places/new");
  if (!can(actor, "registry.edit")) forbidden();
  const t = await getTranslations();
  return (
    <ClientMessages namespaces={["registry", "organisations", "places"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/places">{t("nav.places")}</Link>
      </nav>
      <h1>{t("places.newTitle")}</h1>
      <div className="panel">
        <PlaceForm action={createPlaceAction} submitLabel={t("places.create")} />
      </div>
    </ClientMessages>
  );
}
