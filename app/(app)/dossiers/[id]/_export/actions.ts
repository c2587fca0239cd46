"use server";

import { getTranslations } from "@/lib/i18n/server";
import type { FormState } from "@/app/_lib/form-state";
import { formValues, runForm } from "@/app/_lib/run-form";
import { startDossierExport, type DossierExportOut } from "@/lib/dossiers/export";
import { toAppError } from "@/lib/http";

// Starting an export: lib/dossiers/export authorizes (dossier.export), checks there is
// something to export, and starts the job in the background; the panel then polls.
export async function startExportAction(dossierId: string, prev: FormState<DossierExportOut>, formData: FormData): Promise<FormState<DossierExportOut>> {
  const values = formValues(formData, ["reveal", "reason"]);
  let empty: string | null = null;
  const state = await runForm(prev, values, async (actor) => {
    try {
      return await startDossierExport({ actor, dossierId, input: { revealIdentities: values.reveal === "on", reason: values.reason ?? "" } });
    } catch (e) {
      const app = toAppError(e);
      if (app?.code === "INVALID_STATE" && (app.details?.reason === "EMPTY" || app.details?.reason === "ALL_EXCLUDED")) empty = String(app.details.reason);
      throw e;
    }
  }, dossierId);
  if (empty) {
    const t = await getTranslations("dossierExport");
    state.error = empty === "EMPTY" ? t("errors.EMPTY") : t("errors.ALL_EXCLUDED");
  }
  return state;
}
