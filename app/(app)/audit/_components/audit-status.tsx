import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { verifyAuditChainShared } from "@/lib/audit/verify-chain-shared";

/**
 * The result of verifying the whole chain. Rendered only after the page has authorized the
 * viewer (audit.verify); it streams in once the verification ends, the rest of the page shown
 * meanwhile. Views asking while a verification runs share it (lib/audit/verify-chain-shared.ts).
 */
export async function AuditStatus() {
  const [result, t, format] = await Promise.all([verifyAuditChainShared(), getTranslations("audit"), getFormatter()]);
  const reasonKey = result.reason === "missing event" ? "missing" : result.reason === "broken link" ? "link" : "hash";
  return (
    <section
      className={result.ok ? "audit-status audit-ok" : "audit-status audit-broken"}
      data-testid="audit-status"
      data-ok={result.ok ? "true" : "false"}
      role={result.ok ? "status" : "alert"}
    >
      <span className="audit-icon" aria-hidden="true" />
      <div>
        <p className="audit-headline">{result.ok ? t("verified", { count: result.events }) : t("broken", { seq: result.firstBad ?? 0 })}</p>
        <p className="audit-detail">
          {result.ok ? t("verifiedDetail", { count: format.number(result.events) }) : t(`brokenReason.${reasonKey}`, { count: result.events })}
        </p>
      </div>
    </section>
  );
}

/** Shown in the status's place while the chain is verified: how many events (the head's number). */
export async function AuditStatusPending({ events, waitHref }: { events: number; waitHref: string }) {
  const t = await getTranslations("audit");
  return (
    <section className="audit-status audit-pending" data-testid="audit-status-pending" role="status" aria-busy="true">
      <span className="audit-icon" aria-hidden="true" />
      <div>
        <p className="audit-headline">{t("verifying", { count: events })}</p>
        <p className="audit-detail">{t("verifyingDetail")}</p>
        {/* The result is put in this notice's place by a script; without one it never would be. */}
        <noscript>
          <p className="audit-detail">
            <a href={waitHref} data-testid="audit-status-wait">
              {t("verifyingNoScript")}
            </a>
          </p>
        </noscript>
      </div>
    </section>
  );
}
