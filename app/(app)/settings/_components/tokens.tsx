"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { useHydrated } from "@/app/_lib/use-hydrated";
import { FormBanner, SubmitButton, useFields, useFormFocus } from "@/app/_components/form-bits";
import { initialFormState, type FormAction } from "@/app/_lib/form-state";
import { createTokenAction } from "../actions";

export function CreateTokenForm() {
  const t = useTranslations("settings");
  const [state, action] = useActionState(createTokenAction, initialFormState<{ name: string; prefix: string; secret: string }>());
  const f = useFields(state);
  const ref = useFormFocus(state);
  return (
    <>
      {state.ok && state.data && <NewTokenSecret secret={state.data.secret} name={state.data.name} />}
      <form key={state.seq} ref={ref} action={action} className="form form-inline-row" data-testid="create-token-form" noValidate>
        <FormBanner state={state} />
        <div className="field">
          <label htmlFor={f.id("name")}>{t("tokenName")}</label>
          <input {...f.props("name", { hint: true })} type="text" dir="auto" maxLength={100} required />
          <p className="hint" id={f.hintId("name")}>
            {t("tokenNameHint")}
          </p>
          {f.error("name")}
        </div>
        <div className="actions">
          <SubmitButton testId="create-token-submit">{t("createToken")}</SubmitButton>
        </div>
      </form>
    </>
  );
}

function NewTokenSecret({ secret, name }: { secret: string; name: string }) {
  const t = useTranslations("settings");
  const [copied, setCopied] = useState(false);
  // Copying needs scripts; without them the secret is in a field to select and copy by hand.
  const hydrated = useHydrated();
  return (
    <div className="secret-box" role="status" data-testid="token-created">
      <p className="secret-title">{t("tokenCreated", { name })}</p>
      <p>{t("copyHint")}</p>
      <div className="secret-row">
        <input
          type="text"
          readOnly
          value={secret}
          dir="ltr"
          className="secret"
          aria-label={t("secretLabel")}
          data-testid="token-secret"
          onFocus={(e) => e.currentTarget.select()}
        />
        {hydrated && (
          <button
            type="button"
            className="button"
            onClick={() => {
              void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
            }}
          >
            {copied ? t("copied") : t("copy")}
          </button>
        )}
      </div>
    </div>
  );
}

/** `revoke` is revokeTokenAction bound to this token by the page. */
export function RevokeTokenButton({ revoke, name }: { revoke: FormAction; name: string }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(revoke, initialFormState());
  return (
    <form action={action} className="inline-form" data-testid="revoke-token-form">
      <FormBanner state={state} />
      <SubmitButton className="button small danger" label={t("revokeNamed", { name })} testId="revoke-token">
        {t("revoke")}
      </SubmitButton>
    </form>
  );
}
