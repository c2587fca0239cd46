"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { initialFormState, type FormState } from "@/app/_lib/form-state";

type Saved = { id: string };
type Action = (prev: FormState<Saved>, formData: FormData) => Promise<FormState<Saved>>;

/**
 * New and edit: the same fields. The grading has its own form (reviewers and admins).
 * `dateUnreadable`: the stored date was recorded as free text and cannot be read as a date; its
 * hint says so and what to put instead (sent back unchanged, it does not stop the other fields).
 */
export function SourceForm({
  action: serverAction,
  initial = {},
  kinds,
  submitLabel,
  dateUnreadable = false,
}: {
  action: Action;
  initial?: Record<string, string>;
  kinds: readonly string[];
  submitLabel: string;
  dateUnreadable?: boolean;
}) {
  const t = useTranslations("sources");
  const [state, action] = useActionState(serverAction, initialFormState<Saved>());
  const f = useFields(state, initial);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  const text = (name: string, opts: { hint?: boolean; dir?: "auto" | "ltr"; type?: string; list?: string; optional?: boolean } = {}) => (
    <div className="field">
      <label htmlFor={f.id(name)}>
        {t(`fields.${name}`)} {opts.optional !== false && name !== "title" && <span className="optional">{t("optional")}</span>}
      </label>
      <input {...f.props(name, { hint: opts.hint })} type={opts.type ?? "text"} dir={opts.dir ?? "auto"} list={opts.list} data-testid={`source-${name}`} />
      {opts.hint &&
        (name === "date" && dateUnreadable ? (
          <p className="hint hint-date-to-fix" id={f.hintId(name)} data-testid="source-date-to-fix">
            {t("dateUnreadableHint")}
          </p>
        ) : (
          <p className="hint" id={f.hintId(name)}>
            {t(`hints.${name}`)}
          </p>
        ))}
      {f.error(name)}
    </div>
  );
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="source-form" noValidate {...guard}>
      <FormBanner state={state} />
      {initial.baseUpdatedAt && <input type="hidden" name="baseUpdatedAt" value={initial.baseUpdatedAt} />}
      {text("title", { optional: false })}
      <div className="field-row">
        {text("author")}
        {text("kind", { list: "source-kinds", hint: true })}
      </div>
      <datalist id="source-kinds">
        {kinds.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <div className="field-row">
        {text("year", { type: "text", dir: "ltr", hint: true })}
        {text("date", { hint: true })}
      </div>
      {text("citation", { hint: true })}
      {text("url", { dir: "ltr", type: "url" })}
      <div className="field">
        <label htmlFor={f.id("note")}>
          {t("fields.note")} <span className="optional">{t("optional")}</span>
        </label>
        <textarea {...f.props("note")} dir="auto" rows={4} />
        {f.error("note")}
      </div>
      <div className="actions">
        <SubmitButton testId="source-submit">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
