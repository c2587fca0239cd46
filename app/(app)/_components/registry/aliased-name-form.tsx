"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FieldError, FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { listErrors } from "@/app/(app)/_components/registry/rows-field";

type Saved = { id: string };
type Action = (prev: FormState<Saved>, formData: FormData) => Promise<FormState<Saved>>;

/** One form for the registries whose records are a name, a Persian name, aliases and a note (places add a city). */
export function AliasedNameForm({
  kind,
  action,
  initial = {},
  submitLabel,
  editing = false,
}: {
  kind: "organisations" | "places";
  action: Action;
  initial?: Record<string, string>;
  submitLabel: string;
  editing?: boolean;
}) {
  const testId = kind === "places" ? "place" : "organisation";
  // The labels' namespace is the kind. messages: organisations places
  const t = useTranslations();
  const [state, formAction] = useActionState(action, initialFormState<Saved>());
  const f = useFields(state, initial);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  const optional = <span className="optional">{t("common.optional")}</span>;
  const aliasErrors = listErrors(state, "aliases", (n) => t("registry.line", { n }));
  const aliasProps = f.props("aliases", { hint: true });
  return (
    <form key={state.seq} ref={ref} action={formAction} className="form" data-testid={`${testId}-form`} noValidate {...guard}>
      <FormBanner state={state} />
      {editing && <input type="hidden" name="baseUpdatedAt" value={initial.baseUpdatedAt ?? ""} />}
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("name")}>{t(`${kind}.name`)}</label>
          <input {...f.props("name")} type="text" dir="auto" maxLength={300} required />
          {f.error("name")}
        </div>
        <div className="field">
          <label htmlFor={f.id("nameFa")}>
            {t(`${kind}.nameFa`)} {optional}
          </label>
          <input {...f.props("nameFa")} type="text" lang="fa" dir="rtl" maxLength={300} />
          {f.error("nameFa")}
        </div>
      </div>
      <div className="field">
        <label htmlFor={f.id("aliases")}>
          {t(`${kind}.aliases`)} {optional}
        </label>
        <textarea
          {...aliasProps}
          aria-invalid={aliasErrors ? true : undefined}
          aria-describedby={[aliasProps["aria-describedby"], aliasErrors ? f.id("aliases-list-error") : ""].filter(Boolean).join(" ") || undefined}
          dir="auto"
          rows={kind === "places" ? 3 : 4}
        />
        <p className="hint" id={f.hintId("aliases")}>
          {t(`${kind}.aliasesHint`)}
        </p>
        <FieldError id={f.id("aliases-list-error")} name="aliases" messages={aliasErrors} />
      </div>
      {kind === "places" && (
        <div className="field">
          <label htmlFor={f.id("city")}>
            {t(`${kind}.city`)} {optional}
          </label>
          <input {...f.props("city")} type="text" dir="auto" maxLength={200} />
          {f.error("city")}
        </div>
      )}
      <div className="field">
        <label htmlFor={f.id("note")}>
          {t(`${kind}.note`)} {optional}
        </label>
        <textarea {...f.props("note")} dir="auto" rows={4} />
        {f.error("note")}
      </div>
      {f.error("baseUpdatedAt")}
      <div className="actions">
        <SubmitButton testId={`${testId}-submit`}>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
