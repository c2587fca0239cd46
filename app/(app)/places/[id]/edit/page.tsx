import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getPlace } from "@/lib/places";
import { updatePlaceAction } from "../../actions";
import { PlaceForm } from "../../_components/place-form";
import { ClientMessages } from "@/app/_components/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("places"))("editTitle") };
}

export default async function EditPlacePage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(`/places/${id}/edit`);
  if (!can(actor, "registry.edit")) forbidden();
  const [p, t] = await Promise.all([orHttpError(getPlace({ actor, placeId: id, events: false })), getTranslations()]);
  const initial = { name: p.name, nameFa: p.nameFa, aliases: p.aliases.join("\n"), city: p.city, note: p.note, baseUpdatedAt: p.updatedAt };
  return (
    <ClientMessages namespaces={["registry", "organisations", "places"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/places">{t("nav.places")}</Link>
        <Link href={`/places/${p.id}`}>
          <bdi>{p.name}</bdi>
        </Link>
      </nav>
      <h1>{t("places.editTitle")}</h1>
      <div className="panel">
        <PlaceForm action={updatePlaceAction.bind(null, p.id)} initial={initial} submitLabel={t("places.save")} editing />
      </div>
    </ClientMessages>
  );
}
