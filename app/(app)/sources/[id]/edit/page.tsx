import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { forbidden } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { getSource } from "@/lib/sources";
import { SOURCE_KINDS } from "@/lib/sources/schemas";
import { updateSourceAction } from "../../actions";
import { SourceForm } from "../../_components/source-form";
import { ClientMessages } from "@/app/_components/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sources"))("editTitle") };
}

export default async function EditSourcePage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(`/sources/${id}/edit`);
  const s = await orHttpError(getSource({ actor, sourceId: id }));
  if (!can(actor, "source.edit")) forbidden();
  const t = await getTranslations();
  const initial = {
    title: s.title,
    author: s.author,
    year: s.year === null ? "" : String(s.year),
    date: s.date ?? "",
    kind: s.kind,
    citation: s.citation,
    url: s.url,
    note: s.note,
    baseUpdatedAt: s.updatedAt,
  };
  return (
    <ClientMessages namespaces={["sources"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/sources">{t("sources.title")}</Link>
        <Link href={`/sources/${s.id}`}>{s.title}</Link>
      </nav>
      <h1>{t("sources.editTitle")}</h1>
      <SourceForm action={updateSourceAction.bind(null, s.id)} initial={initial} kinds={SOURCE_KINDS} submitLabel={t("sources.save")} dateUnreadable={s.dateUnreadable} />
    </ClientMessages>
  );
}
