"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton, useFields } from "@/app/_components/form-bits";
import { initialFormState } from "@/app/_lib/form-state";
import { updateUserAction } from "../actions";
import { bindAction } from "@/app/_lib/bind-action";

type User = { id: string; email: string; role: string; disabled: boolean };

/** Per-user changes; each is its own small form so one error never hides another. */
export function UserActions({ user, roles, isSelf }: { user: User; roles: readonly string[]; isSelf: boolean }) {
  const t = useTranslations("admin");
  return (
    <div className="user-actions" data-testid="user-actions">
      {!isSelf && <RoleForm user={user} roles={roles} />}
      {!isSelf && <DisableForm user={user} />}
      {!isSelf && <PasswordForm user={user} />}
      {isSelf && <p className="hint">{t("selfNote")}</p>}
    </div>
  );
}

function RoleForm({ user, roles }: { user: User; roles: readonly string[] }) {
  const t = useTranslations();
  const [state, action] = useActionState(bindAction(updateUserAction, user.id, "role"), initialFormState<{ email: string }>());
  const f = useFields(state, { role: user.role });
  return (
    <form key={`${state.seq}-${user.role}`} action={action} className="inline-form" data-testid="user-role-form">
      <FormBanner state={state} success={t("admin.saved")} />
      <label htmlFor={f.id("role")}>{t("admin.changeRole")}</label>
      <select {...f.props("role")}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <SubmitButton className="button small">{t("admin.applyRole")}</SubmitButton>
      {f.error("role")}
    </form>
  );
}

function DisableForm({ user }: { user: User }) {
  const t = useTranslations("admin");
  const [state, action] = useActionState(bindAction(updateUserAction, user.id, "disabled"), initialFormState<{ email: string }>());
  return (
    <form action={action} className="inline-form" data-testid="user-disable-form">
      <FormBanner state={state} />
      <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
      <SubmitButton className={user.disabled ? "button small" : "button small danger"} testId={user.disabled ? "enable-user" : "disable-user"}>
        {user.disabled ? t("enable") : t("disable")}
      </SubmitButton>
    </form>
  );
}

function PasswordForm({ user }: { user: User }) {
  const t = useTranslations("admin");
  const [state, action] = useActionState(bindAction(updateUserAction, user.id, "password"), initialFormState<{ email: string }>());
  const f = useFields(state);
  return (
    <form key={state.seq} action={action} className="inline-form" data-testid="user-password-form">
      <FormBanner state={state} success={t("passwordReset")} />
      <label htmlFor={f.id("password")}>{t("resetPassword")}</label>
      <input {...f.props("password")} type="password" dir="ltr" autoComplete="new-password" placeholder={t("newPasswordPlaceholder")} />
      <SubmitButton className="button small">{t("setPassword")}</SubmitButton>
      {f.error("password")}
    </form>
  );
}
