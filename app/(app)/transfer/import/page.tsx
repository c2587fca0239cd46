import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { FIELDS, IMPORT_KINDS, listTemplates } from "@/lib/import";
import { ImportWizard } from "./_components/import-wizard";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("import"))("title") };
}

export default async function ImportPage() {
  const actor = await requirePageActor("/transfer/import");
  if (!can(actor, "import.run")) forbidden();
  const t = await getTranslations("import");
  const tRoot = await getTranslations();
  const templates = await listTemplates({ actor });
  const fields = Object.fromEntries(IMPORT_KINDS.map((k) => [k, FIELDS[k].map((f) => ({ field: f.field, required: !!f.required, protected: !!f.protected }))]));
  return (
    <ClientMessages namespaces={["import", "fieldErrors"]}>
      <nav className="crumbs" aria-label={tRoot("common.breadcrumbs")}>
        <Link href="/transfer">{tRoot("nav.transfer")}</Link>
      </nav>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <ImportWizard kinds={[...IMPORT_KINDS]} fields={fields} templates={templates.map((x) => ({ kind: x.kind, name: x.name }))} />
    </ClientMessages>
  );
}
