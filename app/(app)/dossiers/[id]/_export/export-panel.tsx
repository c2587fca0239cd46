import { getTranslations } from "@/lib/i18n/server";
import { can } from "@/lib/auth/policy";
import { getActor } from "@/lib/auth/session";
import { listDossierExports } from "@/lib/dossiers/export";
import { startExportAction } from "./actions";
import { ExportProgress } from "./export-progress";

/**
 * The dossier page's export section: start an export (identities only on request, with a
 * reason), watch its progress, download the package. Shown to those who may export.
 */
export async function DossierExportPanel({ dossierId }: { dossierId: string }) {
  const actor = await getActor();
  if (!can(actor, "dossier.export")) return null;
  const [exports, t] = await Promise.all([listDossierExports({ actor, dossierId }), getTranslations("dossierExport")]);
  return (
    <section className="panel" aria-labelledby="dossier-export-heading" data-testid="dossier-export-panel">
      <h2 id="dossier-export-heading">{t("title")}</h2>
      <p className="hint">{t("intro")}</p>
      <ExportProgress start={startExportAction.bind(null, dossierId)} initial={exports} />
    </section>
  );
}
