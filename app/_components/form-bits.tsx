"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
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

/**
 * The forms of the page whose typing is not saved (useUnsavedGuard), and the question asked
 * before leaving them. One question for the page however many of its forms are unsaved.
 */
const unsavedForms = new Set<object>();
let guards = 0;
let leaveQuestion = "";

function askBeforeUnload(e: BeforeUnloadEvent) {
  if (unsavedForms.size === 0) return;
  e.preventDefault();
  e.returnValue = leaveQuestion; // browsers before the preventDefault() form; they show their own words
}

// Capturing on the document, before the router's own handler on the root sees the click.
function askBeforeLink(e: MouseEvent) {
  if (unsavedForms.size === 0 || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
  // A new tab or a download leaves this page as it is; so does a link to a place on it.
  if (!(a instanceof HTMLAnchorElement) || (a.target && a.target !== "_self") || a.hasAttribute("download")) return;
  const to = new URL(a.href, location.href);
  if (to.hash && to.origin === location.origin && to.pathname === location.pathname && to.search === location.search) return;
  // The API's addresses are files (an exhibit, an export), fetched without leaving the page.
  if (to.origin === location.origin && to.pathname.startsWith("/api/")) return;
  if (mayLeave()) return;
  e.preventDefault();
  e.stopPropagation();
}

/** The reader's answer to the question; leaving, the page's forms count as left. */
function mayLeave(): boolean {
  if (!window.confirm(leaveQuestion)) return false;
  unsavedForms.clear();
  return true;
}

/**
 * Back and Forward inside the application: its router moves between pages without leaving the
 * document, so neither of the questions above is asked. Where the browser has the Navigation API
 * (Chromium; not every browser yet), the move is asked about and, if the reader stays, cancelled.
 */
function askBeforeTraverse(e: NavigateEvent) {
  if (unsavedForms.size === 0 || e.navigationType !== "traverse" || !e.cancelable) return;
  if (!mayLeave()) e.preventDefault();
}

/**
 * Asks before the reader leaves a form whose typing is not saved (every form that takes typing
 * has it, not those that only send a button): a link followed inside the application (confirm),
 * or the tab closed, reloaded or sent elsewhere (the browser's own question). Nothing is kept in
 * the browser: a statement's text can name its witness. Typing arms it; a submission disarms it;
 * an answer that refuses the submission (the form shown again with what was typed) arms it again,
 * one that saves leaves it off. Back and Forward are asked about where the browser can tell
 * (askBeforeTraverse).
 * Spread the returned handlers on the <form>.
 */
export function useUnsavedGuard<D>(state: FormState<D>) {
  const t = useTranslations();
  const [form] = useState(() => ({}));
  const question = t("common.unsavedLeave");
  useEffect(() => {
    leaveQuestion = question;
  }, [question]);
  useEffect(() => {
    if (state.seq === 0) return;
    if (state.ok) unsavedForms.delete(form);
    else unsavedForms.add(form);
  }, [state.seq, state.ok, form]);
  useEffect(() => {
    if (guards++ === 0) {
      window.addEventListener("beforeunload", askBeforeUnload);
      document.addEventListener("click", askBeforeLink, true);
      window.navigation?.addEventListener("navigate", askBeforeTraverse);
    }
    return () => {
      unsavedForms.delete(form);
      if (--guards === 0) {
        window.removeEventListener("beforeunload", askBeforeUnload);
        document.removeEventListener("click", askBeforeLink, true);
        window.navigation?.removeEventListener("navigate", askBeforeTraverse);
      }
    };
  }, [form]);
  const arm = () => {
    unsavedForms.add(form);
  };
  return {
    onInput: arm,
    onChange: arm,
    onSubmit: () => {
      unsavedForms.delete(form);
    },
  };
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
