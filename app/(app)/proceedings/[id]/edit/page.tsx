import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { readerTitle } from "@/app/_lib/reader-name";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getProceeding, type ProceedingOut } from "@/lib/proceedings";
import { PROCEEDING_KINDS } from "@/lib/proceedings/schemas";
import { updateProceedingAction } from "../../actions";
import { ProceedingForm } from "../../_components/proceeding-form";
import { ClientMessages } from "@/app/_components/client-messages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("proceedings"))("editTitle") };
}

function formValuesOf(p: ProceedingOut): Record<string, string> {
  const v: Record<string, string> = {
    title: p.title,
    titleFa: p.titleFa,
    kind: p.kind,
    jurisdiction: p.jurisdiction,
    jurisdictionFa: p.jurisdictionFa,
    court: p.court,
    courtFa: p.courtFa,
    docket: p.docket,
    status: p.status,
    statusFa: p.statusFa,
    charges: p.charges,
    chargesFa: p.chargesFa,
    source: p.source,
    baseUpdatedAt: p.updatedAt,
  };
  p.timeline.forEach((e, i) => Object.assign(v, { [`timeline.${i}.date`]: e.date, [`timeline.${i}.what`]: e.what, [`timeline.${i}.whatFa`]: e.whatFa, [`timeline.${i}.source`]: e.source }));
  return v;
}

export default async function EditProceedingPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(`/proceedings/${id}/edit`);
  if (!can(actor, "registry.edit")) forbidden();
  const [p, t, locale] = await Promise.all([orHttpError(getProceeding({ actor, proceedingId: id })), getTranslations(), getLocale()]);
  // A kind stored before the list of kinds existed is offered too, so an edit does not change it silently.
  const kinds = (PROCEEDING_KINDS as readonly string[]).includes(p.kind) ? PROCEEDING_KINDS : [...PROCEEDING_KINDS, p.kind];
  return (
    <ClientMessages namespaces={["proceedings", "registry.picker", "registry.autocomplete", "registry.rows"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/proceedings">{t("nav.proceedings")}</Link>
        <Link href={`/proceedings/${p.id}`}>
          <bdi>{readerTitle(p, locale)}</bdi>
        </Link>
      </nav>
      <h1>{t("proceedings.editTitle")}</h1>
      <div className="panel">
        <ProceedingForm action={updateProceedingAction.bind(null, p.id)} kinds={kinds} initial={formValuesOf(p)} defendants={p.defendants} submitLabel={t("proceedings.save")} editing />
      </div>
    </ClientMessages>
  );
}
