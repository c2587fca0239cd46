"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { initialFormState, type FormAction } from "@/app/_lib/form-state";
import { CUSTODY_KINDS } from "@/lib/exhibits/schemas";
import styles from "./exhibits.module.css";

/**
 * Appends a chain-of-custody entry; what the user typed stays in place when it is refused.
 * `add` is addCustodyEntryAction bound to the exhibit by the page.
 */
export function CustodyForm({ add }: { add: FormAction<{ id: string }> }) {
  const t = useTranslations("exhibits.custody");
  const tc = useTranslations("common");
  const [state, action] = useActionState(add, initialFormState<{ id: string }>());
  const f = useFields(state, { kind: "COLLECTED" });
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="custody-form" noValidate {...guard}>
      <FormBanner state={state} success={t("added")} />
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("kind")}>{t("kind")}</label>
          <select {...f.props("kind")} data-testid="custody-kind">
            {CUSTODY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
          {f.error("kind")}
        </div>
        <div className="field">
          <label htmlFor={f.id("at")}>{t("at")}</label>
          <input {...f.props("at", { hint: true })} type="datetime-local" dir="ltr" className={styles.datetime} required data-testid="custody-at" />
          <p className="hint" id={f.hintId("at")}>
            {t("atHint")}
          </p>
          {f.error("at")}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("who")}>{t("who")}</label>
          <input {...f.props("who", { hint: true })} type="text" dir="auto" maxLength={300} required data-testid="custody-who" />
          <p className="hint" id={f.hintId("who")}>
            {t("whoHint")}
          </p>
          {f.error("who")}
        </div>
        <div className="field">
          <label htmlFor={f.id("place")}>
            {t("place")} <span className="optional">{tc("optional")}</span>
          </label>
          <input {...f.props("place")} type="text" dir="auto" maxLength={300} data-testid="custody-place" />
          {f.error("place")}
        </div>
      </div>
      <div className="field">
        <label htmlFor={f.id("note")}>
          {t("note")} <span className="optional">{tc("optional")}</span>
        </label>
        <textarea {...f.props("note")} rows={2} dir="auto" maxLength={2000} data-testid="custody-note" />
        {f.error("note")}
      </div>
      <div className="actions">
        <SubmitButton testId="custody-submit">{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
