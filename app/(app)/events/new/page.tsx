import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { createEventAction } from "../actions";
import { EventForm } from "../_components/event-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events"))("newTitle") };
}

export default async function NewEventPage() {
  const actor = await requirePageActor("/events/new");
  if (!can(actor, "registry.edit")) forbidden();
  const t = await getTranslations();
  return (
    <ClientMessages namespaces={["events", "registry.picker", "registry.autocomplete"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/events">{t("nav.events")}</Link>
      </nav>
      <h1>{t("events.newTitle")}</h1>
      <div className="panel">
        <EventForm action={createEventAction} submitLabel={t("events.create")} />
      </div>
    </ClientMessages>
  );
}
