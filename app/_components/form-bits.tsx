"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "@/lib/i18n/use-translations";
import type { FormState } from "@/app/_lib/form-state";

/** Props that tie an input to its label and its error, and put back what the user typed. */
export function useFields<D>(state: FormState<D>, initial: Record<string, string> = {}) {
  const prefix = useId();
  return {
    id: (name: string) => `${prefix}-${name}`,
    hintId: (name: string) => `${prefix}-${name}-hint`,
    /** `hint`: the field has a hint paragraph with id hintId(name). */
    props: (name: string, opts: { hint?: boolean } = {}) => {
      const errors = state.fieldErrors?.[name];
      const describedBy = [opts.hint ? `${prefix}-${name}-hint` : "", errors ? `${prefix}-${name}-error` : ""].filter(Boolean).join(" ");
      return {
        id: `${prefix}-${name}`,
        name,
        defaultValue: state.values[name] ?? initial[name] ?? "",
        "aria-invalid": errors ? true : undefined,
        "aria-describedby": describedBy || undefined,
      } as const;
    },
    error: (name: string) => <FieldError id={`${prefix}-${name}-error`} name={name} messages={state.fieldErrors?.[name]} />,
  };
}

export function FieldError({ id, name, messages }: { id: string; name: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p className="field-error" id={id} data-testid={`field-error-${name}`}>
      {messages.join(" ")}
    </p>
  );
}

/** After a failed submission, move focus to the banner so screen readers hear it. */
export function useFormFocus<D>(state: FormState<D>) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.seq === 0 || state.ok) return;
    const form = ref.current;
    const target = form?.querySelector<HTMLElement>("[aria-invalid='true']") ?? form?.querySelector<HTMLElement>(".banner");
    target?.focus();
  }, [state.seq, state.ok]);
  return ref;
}

export function FormBanner<D>({ state, success }: { state: FormState<D>; success?: ReactNode }) {
  if (state.error)
    return (
      <div className="banner banner-error" role="alert" tabIndex={-1} data-testid="form-error">
        {state.error}
      </div>
    );
  if (state.ok && success)
    return (
      <div className="banner banner-ok" role="status" data-testid="form-ok">
        {success}
      </div>
    );
  return null;
}

export function SubmitButton({
  children,
  className = "button primary",
  testId,
  label,
}: {
  children: ReactNode;
  className?: string;
  testId?: string;
  /** An accessible name when the visible text alone is ambiguous (e.g. one "Revoke" per row). */
  label?: string;
}) {
  const { pending } = useFormStatus();
  const t = useTranslations("common");
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending} aria-label={label} data-testid={testId}>
      {pending ? t("working") : children}
    </button>
  );
}
