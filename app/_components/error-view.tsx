"use client";

import { useTranslations } from "@/lib/i18n/use-translations";

// No error details on screen: they may carry testimony or identity. The digest lets an
// administrator find the server log entry.
export function ErrorView({ digest, reset }: { digest?: string; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <div className="error-page" role="alert" data-testid="error-page">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      {digest && <p className="muted">{t("reference", { ref: digest })}</p>}
      <button type="button" className="button" onClick={reset}>
        {t("retry")}
      </button>
    </div>
  );
}
