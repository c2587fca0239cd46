"use client";

import { useActionState, useEffect } from "react";
import { signOut } from "next-auth/react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton, useFields, useFormFocus } from "@/app/_components/form-bits";
import { initialFormState } from "@/app/_lib/form-state";
import { changePasswordAction } from "../actions";

export function ChangePasswordForm() {
  const t = useTranslations("settings");
  const [state, action] = useActionState(changePasswordAction, initialFormState<{ signedOut: true }>());
  const f = useFields(state);
  const ref = useFormFocus(state);
  useEffect(() => {
    // The server has already ended every session of this account; clear the cookie too.
    if (state.ok) void signOut({ callbackUrl: "/signin?reason=password-changed" });
  }, [state.ok]);
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="change-password-form" noValidate>
      <FormBanner state={state} success={t("passwordChanged")} />
      <div className="field">
        <label htmlFor={f.id("currentPassword")}>{t("currentPassword")}</label>
        <input {...f.props("currentPassword")} type="password" dir="ltr" autoComplete="current-password" required />
        {f.error("currentPassword")}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("newPassword")}>{t("newPassword")}</label>
          <input {...f.props("newPassword", { hint: true })} type="password" dir="ltr" autoComplete="new-password" required />
          <p className="hint" id={f.hintId("newPassword")}>
            {t("newPasswordHint")}
          </p>
          {f.error("newPassword")}
        </div>
        <div className="field">
          <label htmlFor={f.id("confirmPassword")}>{t("confirmPassword")}</label>
          <input {...f.props("confirmPassword")} type="password" dir="ltr" autoComplete="new-password" required />
          {f.error("confirmPassword")}
        </div>
      </div>
      <div className="actions">
        <SubmitButton testId="change-password-submit">{t("changePassword")}</SubmitButton>
      </div>
    </form>
  );
}
