import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getOrganisation } from "@/lib/organisations";
import { updateOrganisationAction } from "../../actions";
import { OrganisationForm } from "../../_components/organisation-form";
import { ClientMessages } from "@/app/_components/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisations"))("editTitle") };
}

export default async function EditOrganisationPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(`/organisations/${id}/edit`);
  if (!can(actor, "registry.edit")) forbidden();
  const [o, t] = await Promise.all([orHttpError(getOrganisation({ actor, organisationId: id })), getTranslations()]);
  const initial = { name: o.name, nameFa: o.nameFa, aliases: o.aliases.join("\n"), note: o.note, baseUpdatedAt: o.updatedAt };
  return (
    <ClientMessages namespaces={["registry", "organisations", "places"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/organisations">{t("nav.organisations")}</Link>
        <Link href={`/organisations/${o.id}`}>
          <bdi>{o.name}</bdi>
        </Link>
      </nav>
      <h1>{t("organisations.editTitle")}</h1>
      <div className="panel">
        <OrganisationForm action={updateOrganisationAction.bind(null, o.id)} initial={initial} submitLabel={t("organisations.save")} editing />
      </div>
    </ClientMessages>
  );
}
