"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { signInAction, type SignInState } from "../actions";

const INITIAL: SignInState = { seq: 0, email: "" };

// A server action, so the form also works without JavaScript (or before it has loaded): it is
// posted, never sent as a GET that would put the password in the address.
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signin");
  const [state, action, pending] = useActionState(signInAction, INITIAL);

  return (
    <form action={action} className="form" data-testid="signin-form" noValidate>
      {state.error && (
        <div className="banner banner-error" role="alert" data-testid="signin-error" key={state.seq}>
          {state.error}
        </div>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="signin-email">{t("email")}</label>
        <input id="signin-email" name="email" type="email" autoComplete="username" dir="ltr" required autoFocus defaultValue={state.email} key={`email-${state.seq}`} />
      </div>
      <div className="field">
        <label htmlFor="signin-password">{t("password")}</label>
        <input id="signin-password" name="password" type="password" autoComplete="current-password" dir="ltr" required />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={pending} data-testid="signin-submit">
          {pending ? t("signingIn") : t("submit")}
        </button>
      </div>
    </form>
  );
}
