"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FieldError, FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { initialFormState, type FormAction } from "@/app/_lib/form-state";

/** `record` is recordConsentAction bound to the witness by the page. */
export function ConsentGrantForm({ record, scopes, methods }: { record: FormAction<{ scope: string }>; scopes: readonly string[]; methods: readonly string[] }) {
  const t = useTranslations("witness.consent");
  const tc = useTranslations("common");
  const [state, action] = useActionState(record, initialFormState<{ scope: string }>());
  const f = useFields(state, { scope: scopes[0], method: methods[0] });
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="consent-form" noValidate {...guard}>
      <FormBanner state={state} success={state.data ? t("recorded", { scope: t(`scopes.${state.data.scope}`) }) : null} />
      <div className="field">
        <label htmlFor={f.id("scope")}>{t("scope")}</label>
        <select {...f.props("scope", { hint: true })}>
          {scopes.map((s) => (
            <option key={s} value={s}>
              {t(`scopes.${s}`)}
            </option>
          ))}
        </select>
        <p className="hint" id={f.hintId("scope")}>
          {t("scopeHint")}
        </p>
        {f.error("scope")}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("givenAt")}>{t("givenAt")}</label>
          <input type="text" {...f.props("givenAt", { hint: true })} dir="auto" autoComplete="off" />
          <p className="hint" id={f.hintId("givenAt")}>
            {t("givenAtHint")}
          </p>
          {f.error("givenAt")}
        </div>
        <div className="field">
          <label htmlFor={f.id("method")}>{t("method")}</label>
          <select {...f.props("method")}>
            {methods.map((m) => (
              <option key={m} value={m}>
                {t(`methods.${m}`)}
              </option>
            ))}
          </select>
          {f.error("method")}
        </div>
      </div>
      <div className="field">
        <label htmlFor={f.id("note")}>
          {t("note")} <span className="optional">{tc("optional")}</span>
        </label>
        <textarea {...f.props("note", { hint: true })} dir="auto" rows={2} />
        <p className="hint" id={f.hintId("note")}>
          {t("noteHint")}
        </p>
        {f.error("note")}
      </div>
      <div className="actions">
        <SubmitButton testId="consent-submit">{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}

/**
 * Withdrawal is immediate and cannot be undone (a new grant is a new record), so it asks twice.
 * `withdraw` is withdrawConsentAction bound to the witness and this consent by the page.
 */
export function WithdrawConsentForm({ withdraw, scope }: { withdraw: FormAction<{ scope: string }>; scope: string }) {
  const t = useTranslations("witness.consent");
  const tc = useTranslations("common");
  const [state, action] = useActionState(withdraw, initialFormState<{ scope: string }>());
  const f = useFields(state);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  const scopeName = t(`scopes.${scope}`);
  return (
    <details className="disclosure withdraw" open={state.seq > 0 && !state.ok ? true : undefined} data-testid="withdraw-consent">
      <summary>{t("withdraw")}</summary>
      <form key={state.seq} ref={ref} action={action} className="form" data-testid="withdraw-form" noValidate {...guard}>
        <FormBanner state={state} />
        <p className="hint">{t(scope === "LEGAL_SHARING" ? "withdrawWarningLegal" : scope === "INTERNAL_RESEARCH" ? "withdrawWarningResearch" : "withdrawWarning", { scope: scopeName })}</p>
        <div className="field">
          <label htmlFor={f.id("note")}>
            {t("withdrawNote")} <span className="optional">{tc("optional")}</span>
          </label>
          <textarea {...f.props("note")} dir="auto" rows={2} />
          {f.error("note")}
        </div>
        <label className="check">
          <input type="checkbox" name="confirm" defaultChecked={state.values.confirm === "on"} aria-invalid={state.fieldErrors?.confirm ? true : undefined} data-testid="withdraw-confirm" />
          <span>{t("withdrawConfirm", { scope: scopeName })}</span>
        </label>
        <FieldError id={`${f.id("confirm")}-error`} name="confirm" messages={state.fieldErrors?.confirm} />
        <div className="actions">
          <SubmitButton className="button danger" testId="withdraw-submit" label={t("withdrawNamed", { scope: scopeName })}>
            {t("withdrawSubmit")}
          </SubmitButton>
        </div>
      </form>
    </details>
  );
}
