import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { listDossierSubjects } from "@/lib/dossiers";
import { createDossierAction } from "../actions";
import { NewDossierForm } from "../_components/dossier-form";
import { ClientMessages } from "@/app/_components/client-messages";
import { readerName, readerTitle } from "@/app/_lib/reader-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dossiers"))("newTitle") };
}

// ?proceeding=ID or ?person=ID (the "Build a dossier" links) choose the subject and a title.
export default async function NewDossierPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const actor = await requirePageActor("/dossiers/new");
  if (!can(actor, "dossier.edit")) forbidden();
  const locale = await getLocale();
  const [subjects, t] = await Promise.all([listDossierSubjects({ actor, locale }), getTranslations()]);
  const proceeding = subjects.proceedings.find((p) => p.id === param(sp.proceeding));
  const person = subjects.persons.find((p) => p.id === param(sp.person));
  const initial: Record<string, string> = proceeding
    ? { subject: `PROCEEDING:${proceeding.id}`, title: t("dossiers.defaultTitle", { subject: readerTitle(proceeding, locale) }) }
    : person
      ? { subject: `PERSON:${person.id}`, title: t("dossiers.defaultTitle", { subject: readerName(person, locale) }) }
      : {};
  return (
    <ClientMessages namespaces={["dossiers"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/dossiers">{t("dossiers.title")}</Link>
      </nav>
      <h1>{t("dossiers.newTitle")}</h1>
      <p className="lead">{t("dossiers.newIntro")}</p>
      <NewDossierForm action={createDossierAction} subjects={subjects} initial={initial} />
    </ClientMessages>
  );
}
