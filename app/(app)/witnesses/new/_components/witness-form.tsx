"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FieldError, FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { initialFormState } from "@/app/_lib/form-state";
import { createWitnessAction } from "../../actions";
import { IdentityFields } from "../../_components/identity-fields";

export function WitnessForm({ levels, scopes, methods }: { levels: readonly string[]; scopes: readonly string[]; methods: readonly string[] }) {
  const t = useTranslations();
  const [state, action] = useActionState(createWitnessAction, initialFormState<{ code: string }>());
  const f = useFields(state, { protectionLevel: "STANDARD", consentMethod: "WRITTEN" });
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="witness-form" noValidate {...guard}>
      <FormBanner state={state} />
      <div className="field">
        <label htmlFor={f.id("protectionLevel")}>{t("witnesses.protectionLevel")}</label>
        <select {...f.props("protectionLevel", { hint: true })}>
          {levels.map((l) => (
            <option key={l} value={l}>
              {t(`protection.${l}`)}
            </option>
          ))}
        </select>
        <p className="hint" id={f.hintId("protectionLevel")}>
          {t("witnesses.protectionHint")}
        </p>
        {f.error("protectionLevel")}
      </div>
      <div className="field">
        <label htmlFor={f.id("notes")}>
          {t("witnesses.notes")} <span className="optional">{t("common.optional")}</span>
        </label>
        <textarea {...f.props("notes", { hint: true })} dir="auto" rows={5} />
        <p className="hint" id={f.hintId("notes")}>
          {t("witnesses.notesHint")}
        </p>
        {f.error("notes")}
      </div>

      <fieldset className="fieldset fieldset-protected" data-testid="identity-fieldset">
        <legend>{t("witness.identity.heading")}</legend>
        <p className="hint">{t("witness.identity.newIntro")}</p>
        <IdentityFields f={f} state={state} />
      </fieldset>

      <fieldset className="fieldset" data-testid="consent-fieldset">
        <legend>{t("witness.consent.newHeading")}</legend>
        <p className="hint">{t("witness.consent.newIntro")}</p>
        <div className="field" role="group" aria-labelledby={f.id("consentScopes-label")}>
          <span className="label" id={f.id("consentScopes-label")}>
            {t("witness.consent.scopesGiven")}
          </span>
          {scopes.map((s) => (
            <label className="check" key={s}>
              <input type="checkbox" name={`consent_${s}`} defaultChecked={state.values[`consent_${s}`] === "on"} data-testid={`consent-${s}`} />
              <span>
                <span className="check-title">{t(`witness.consent.scopes.${s}`)}</span>
                <span className="hint">{t(`witness.consent.scopeHints.${s}`)}</span>
              </span>
            </label>
          ))}
          <FieldError id={`${f.id("consentScopes")}-error`} name="consentScopes" messages={state.fieldErrors?.consentScopes} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={f.id("consentGivenAt")}>{t("witness.consent.givenAt")}</label>
            <input type="text" {...f.props("consentGivenAt", { hint: true })} dir="auto" autoComplete="off" data-testid="consent-given-at" />
            <p className="hint" id={f.hintId("consentGivenAt")}>
              {t("witness.consent.givenAtHint")}
            </p>
            {f.error("consentGivenAt")}
          </div>
          <div className="field">
            <label htmlFor={f.id("consentMethod")}>{t("witness.consent.method")}</label>
            <select {...f.props("consentMethod")}>
              {methods.map((m) => (
                <option key={m} value={m}>
                  {t(`witness.consent.methods.${m}`)}
                </option>
              ))}
            </select>
            {f.error("consentMethod")}
          </div>
        </div>
        <div className="field">
          <label htmlFor={f.id("consentNote")}>
            {t("witness.consent.note")} <span className="optional">{t("common.optional")}</span>
          </label>
          <textarea {...f.props("consentNote", { hint: true })} dir="auto" rows={2} />
          <p className="hint" id={f.hintId("consentNote")}>
            {t("witness.consent.noteHint")}
          </p>
          {f.error("consentNote")}
        </div>
      </fieldset>

      <div className="actions">
        <SubmitButton testId="witness-submit">{t("witnesses.create")}</SubmitButton>
      </div>
    </form>
  );
}
