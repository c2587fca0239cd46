"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton, useFields } from "@/app/_components/form-bits";
import { initialFormState, type FormAction } from "@/app/_lib/form-state";
import type { UserChange } from "../actions";

type User = { id: string; email: string; role: string; disabled: boolean };
type Update = FormAction<{ email: string }>;
type Revoke = FormAction<{ email: string; tokensRevoked: number }>;

/**
 * Per-user changes; each is its own small form so one error never hides another. `update` holds
 * updateUserAction bound to this user and each change by the page; null for the admin's own row,
 * which is changed elsewhere.
 */
export function UserActions({ user, roles, update, revoke }: { user: User; roles: readonly string[]; update: Record<UserChange, Update> | null; revoke: Revoke | null }) {
  const t = useTranslations("admin");
  return (
    <div className="user-actions" data-testid="user-actions">
      {update && <RoleForm user={user} roles={roles} update={update.role} />}
      {update && <DisableForm user={user} update={update.disabled} />}
      {/* A change to the account (role, disabled) starts the password form afresh: its earlier error,
          left on screen, read as if the change just made had not been saved. */}
      {update && <PasswordForm key={`${user.role}-${user.disabled}`} update={update.password} />}
      {update && revoke && <RevokeAccessForm revoke={revoke} />}
      {!update && <p className="hint">{t("selfNote")}</p>}
    </div>
  );
}

function RoleForm({ user, roles, update }: { user: User; roles: readonly string[]; update: Update }) {
  const t = useTranslations();
  const [state, action] = useActionState(update, initialFormState<{ email: string }>());
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

function DisableForm({ user, update }: { user: User; update: Update }) {
  const t = useTranslations("admin");
  const [state, action] = useActionState(update, initialFormState<{ email: string }>());
  return (
    <form action={action} className="inline-form" data-testid="user-disable-form">
      <FormBanner state={state} success={t(user.disabled ? "accountDisabled" : "accountEnabled")} />
      <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
      <SubmitButton className={user.disabled ? "button small" : "button small danger"} testId={user.disabled ? "enable-user" : "disable-user"}>
        {user.disabled ? t("enable") : t("disable")}
      </SubmitButton>
    </form>
  );
}

/** Ends every session and revokes every API token of the user, the account unchanged (a lost device). */
function RevokeAccessForm({ revoke }: { revoke: Revoke }) {
  const t = useTranslations("admin");
  const [state, action] = useActionState(revoke, initialFormState<{ email: string; tokensRevoked: number }>());
  return (
    <form action={action} className="inline-form" data-testid="user-revoke-form">
      <FormBanner state={state} success={state.ok && state.data ? t("accessRevoked", { n: state.data.tokensRevoked }) : undefined} />
      <p className="hint">{t("revokeAccessHint")}</p>
      <SubmitButton className="button small danger" testId="revoke-access">
        {t("revokeAccess")}
      </SubmitButton>
    </form>
  );
}

function PasswordForm({ update }: { update: Update }) {
  const t = useTranslations("admin");
  const [state, action] = useActionState(update, initialFormState<{ email: string }>());
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
