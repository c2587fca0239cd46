"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton } from "@/app/_components/form-bits";
import { initialFormState, type FormAction } from "@/app/_lib/form-state";
import type { VerifyOutcome } from "@/app/(app)/exhibits/actions";

/**
 * Recomputes the stored file's SHA-256; the result is recorded in the chain of custody.
 * `verify` is verifyExhibitAction bound to the exhibit by the page.
 */
export function VerifyForm({ verify }: { verify: FormAction<VerifyOutcome> }) {
  const t = useTranslations("exhibits.verify");
  const [state, action] = useActionState(verify, initialFormState<VerifyOutcome>());
  const outcome = state.ok ? state.data : undefined;
  return (
    <form action={action} className="form" data-testid="verify-form">
      {outcome ? (
        <div
          className={`banner ${outcome.result === "MATCH" ? "banner-ok" : "banner-error"}`}
          role={outcome.result === "MATCH" ? "status" : "alert"}
          data-testid="verify-result"
          data-result={outcome.result}
        >
          {t(outcome.result, { actual: outcome.actual ?? "" })}
        </div>
      ) : (
        <FormBanner state={state} />
      )}
      <div className="actions">
        <SubmitButton testId="verify-submit">{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
