import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getPerson, type PersonOut } from "@/lib/persons";
import { updatePersonAction } from "../../actions";
import { PersonForm } from "../../_components/person-form";
import { ClientMessages } from "@/app/_components/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("persons"))("editTitle") };
}

/** The record as form values, rows numbered as the form names them. */
function formValuesOf(p: PersonOut): Record<string, string> {
  const v: Record<string, string> = { name: p.name, nameFa: p.nameFa, summary: p.summary, summaryFa: p.summaryFa, statusNotes: p.statusNotes, statusNotesFa: p.statusNotesFa, source: p.source, baseUpdatedAt: p.updatedAt };
  p.aliases.forEach((a, i) => Object.assign(v, { [`aliases.${i}.name`]: a.name, [`aliases.${i}.note`]: a.note }));
  p.positions.forEach((x, i) =>
    Object.assign(v, {
      [`positions.${i}.title`]: x.title,
      [`positions.${i}.titleFa`]: x.titleFa,
      [`positions.${i}.institution`]: x.institution,
      [`positions.${i}.place`]: x.place,
      [`positions.${i}.from`]: x.from ?? "",
      [`positions.${i}.to`]: x.to ?? "",
    }),
  );
  return v;
}

export default async function EditPersonPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(`/persons/${id}/edit`);
  if (!can(actor, "registry.edit")) forbidden();
  const [p, t] = await Promise.all([orHttpError(getPerson({ actor, personId: id })), getTranslations()]);
  return (
    <ClientMessages namespaces={["persons", "registry.rows"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/persons">{t("nav.persons")}</Link>
        <Link href={`/persons/${p.id}`}>
          <bdi>{p.name}</bdi>
        </Link>
      </nav>
      <h1>{t("persons.editTitle")}</h1>
      <p className="lead">{t("persons.editIntro")}</p>
      <div className="panel">
        <PersonForm action={updatePersonAction.bind(null, p.id)} initial={formValuesOf(p)} submitLabel={t("persons.save")} editing />
      </div>
    </ClientMessages>
  );
}
