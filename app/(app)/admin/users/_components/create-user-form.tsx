"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { initialFormState } from "@/app/_lib/form-state";
import { createUserAction } from "../actions";

export function CreateUserForm({ roles }: { roles: readonly string[] }) {
  const t = useTranslations();
  const [state, action] = useActionState(createUserAction, initialFormState<{ email: string }>());
  const f = useFields(state, { role: "RESEARCHER" });
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="create-user-form" noValidate {...guard}>
      <FormBanner state={state} success={state.data ? t("admin.userCreated", { email: state.data.email }) : undefined} />
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("email")}>{t("admin.email")}</label>
          <input {...f.props("email")} type="email" dir="ltr" autoComplete="off" required />
          {f.error("email")}
        </div>
        <div className="field">
          <label htmlFor={f.id("name")}>{t("admin.name")}</label>
          <input {...f.props("name")} type="text" dir="auto" autoComplete="off" required />
          {f.error("name")}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("role")}>{t("admin.role")}</label>
          <select {...f.props("role")}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          {f.error("role")}
        </div>
        <div className="field">
          <label htmlFor={f.id("password")}>{t("admin.initialPassword")}</label>
          <input {...f.props("password", { hint: true })} type="password" dir="ltr" autoComplete="new-password" required />
          <p className="hint" id={f.hintId("password")}>
            {t("admin.passwordHint")}
          </p>
          {f.error("password")}
        </div>
      </div>
      <div className="actions">
        <SubmitButton testId="create-user-submit">{t("admin.createUser")}</SubmitButton>
      </div>
    </form>
  );
}
