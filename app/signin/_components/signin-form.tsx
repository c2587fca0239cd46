"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "@/lib/i18n/use-translations";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signin");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (res?.ok && !res.error) {
        // A full navigation, so the server renders every layout with the new session.
        window.location.assign(callbackUrl);
        return;
      }
      // Never say whether the account exists: one message for every refusal but throttling.
      setError(res?.error === "Throttled" ? t("throttled") : t("wrong"));
    } catch {
      setError(t("unavailable"));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="form" data-testid="signin-form" noValidate>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="signin-error">
          {error}
        </div>
      )}
      <div className="field">
        <label htmlFor="signin-email">{t("email")}</label>
        <input id="signin-email" name="email" type="email" autoComplete="username" dir="ltr" required autoFocus />
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
