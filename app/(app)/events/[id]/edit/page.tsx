import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getEvent } from "@/lib/events";
import { updateEventAction } from "../../actions";
import { EventForm } from "../../_components/event-form";
import { ClientMessages } from "@/app/_components/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events"))("editTitle") };
}

export default async function EditEventPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(`/events/${id}/edit`);
  if (!can(actor, "registry.edit")) forbidden();
  const [e, t] = await Promise.all([orHttpError(getEvent({ actor, eventId: id })), getTranslations()]);
  const initial = { title: e.title, titleFa: e.titleFa, dateStart: e.dateStart, dateEnd: e.dateEnd ?? "", description: e.description, source: e.source, baseUpdatedAt: e.updatedAt };
  return (
    <ClientMessages namespaces={["events", "registry.picker", "registry.autocomplete"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/events">{t("nav.events")}</Link>
        <Link href={`/events/${e.id}`}>
          <bdi>{e.title}</bdi>
        </Link>
      </nav>
      <h1>{t("events.editTitle")}</h1>
      <div className="panel">
        <EventForm action={updateEventAction.bind(null, e.id)} initial={initial} places={e.places} submitLabel={t("events.save")} editing />
      </div>
    </ClientMessages>
  );
}
