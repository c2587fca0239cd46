"use client";

import { useTranslations } from "next-intl";

// No error details on screen: they may carry testimony or identity. The digest lets an
// administrator find the server log entry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <main className="content" id="main">
      <div className="error-page" role="alert" data-testid="error-page">
        <h1>{t("title")}</h1>
        <p>{t("body")}</p>
        {error.digest && <p className="muted">{t("reference", { ref: error.digest })}</p>}
        <button type="button" className="button" onClick={reset}>
          {t("retry")}
        </button>
      </div>
    </main>
  );
}
