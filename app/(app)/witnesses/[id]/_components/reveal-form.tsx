"use client";

import { useActionState, useState } from "react";
import { useFormatter } from "next-intl";
import { useTranslations } from "@/lib/i18n/use-translations";
import { useHydrated } from "@/app/_lib/use-hydrated";
import { FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { initialFormState, type FormAction } from "@/app/_lib/form-state";
import type { Revealed } from "../../actions";

const ORDER = ["legalName", "otherNames", "birthDate", "contact", "currentLocation", "relativesAtRisk"] as const;

/**
 * Asks for a reason, then shows the identity from that one action response. The values live
 * only in this component's state: not in the page, not in a URL, gone on reload or "Hide".
 * `reveal` is revealIdentityAction bound to the witness by the page.
 */
export function RevealForm({ reveal }: { reveal: FormAction<Revealed> }) {
  const t = useTranslations("witness");
  const format = useFormatter();
  const [state, action] = useActionState(reveal, initialFormState<Revealed>());
  const [hiddenSeq, setHiddenSeq] = useState(0);
  const hydrated = useHydrated();
  const f = useFields(state);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  const revealed = state.ok && state.data && hiddenSeq !== state.seq ? state.data : null;

  if (revealed)
    return (
      <div className="revealed" data-testid="revealed-identity">
        <p className="note note-warning" role="status" data-testid="reveal-notice">
          {t("reveal.recorded", { time: format.dateTime(new Date(revealed.at), { timeStyle: "short" }) })}
        </p>
        <dl className="revealed-list">
          {ORDER.filter((k) => revealed.identity[k]).map((k) => (
            <div key={k}>
              <dt>{t(`identity.fields.${k}`)}</dt>
              <dd dir="auto" data-testid={`revealed-${k}`}>
                {revealed.identity[k]}
              </dd>
            </div>
          ))}
        </dl>
        <div className="actions">
          {hydrated ? (
            <button type="button" className="button" onClick={() => setHiddenSeq(state.seq)} data-testid="hide-identity">
              {t("reveal.hide")}
            </button>
          ) : (
            // Without scripts the identity came in the answer to the form's POST: reading the
            // page again (a plain GET of the same address) shows it without the identity.
            <a href="" className="button" data-testid="hide-identity">
              {t("reveal.hide")}
            </a>
          )}
        </div>
      </div>
    );

  return (
    <form key={state.seq} ref={ref} action={action} className="form reveal-form" data-testid="reveal-form" noValidate {...guard}>
      <FormBanner state={state} />
      <div className="field">
        <label htmlFor={f.id("reason")}>{t("reveal.reason")}</label>
        <textarea {...f.props("reason", { hint: true })} dir="auto" rows={2} maxLength={1000} required autoComplete="off" />
        <p className="hint" id={f.hintId("reason")}>
          {t("reveal.reasonHint")}
        </p>
        {f.error("reason")}
      </div>
      <div className="actions">
        <SubmitButton testId="reveal-submit">{t("reveal.submit")}</SubmitButton>
      </div>
    </form>
  );
}
