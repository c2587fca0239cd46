import { getTranslations } from "@/lib/i18n/server";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";

/**
 * For those who may export (policy audit.export): the JSON Lines export, and how someone outside
 * the organisation checks it with the standalone verifier (lib/audit/verify-export.mjs, Node.js
 * alone, no access to this server needed).
 */
export async function AuditExportNote({ actor }: { actor: Actor }) {
  if (!can(actor, "audit.export")) return null;
  const t = await getTranslations("auditExport");
  return (
    <section className="panel" aria-labelledby="audit-export-heading" data-testid="audit-export">
      <h2 id="audit-export-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <p>
        <a href="/api/v1/audit/export" className="button primary" download data-testid="audit-export-link">
          {t("link")}
        </a>
      </p>
      <h3>{t("verifyHeading")}</h3>
      <ol>
        <li>{t("step1")}</li>
        <li>
          {t("step2")}
          <pre dir="ltr">
            <code>node verify-export.mjs casefile-audit.jsonl</code>
          </pre>
        </li>
        <li>{t("step3")}</li>
      </ol>
      <p className="hint">{t("note")}</p>
    </section>
  );
}
