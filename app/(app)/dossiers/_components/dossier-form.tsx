"use client";

import { useActionState } from "react";
import { useLocale } from "next-intl";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { bothNamesText, bothTitlesText } from "@/app/_lib/reader-name";

type Saved = { id: string };
type Action = (prev: FormState<Saved>, formData: FormData) => Promise<FormState<Saved>>;
type Subjects = { proceedings: { id: string; title: string; titleFa: string }[]; persons: { id: string; name: string; nameFa: string }[] };

/**
 * New dossier: the subject is one native <select> (proceedings and persons in two groups), so
 * the keyboard works as everywhere else — type the first letters to jump, arrows to move.
 */
export function NewDossierForm({ action: serverAction, subjects, initial }: { action: Action; subjects: Subjects; initial: Record<string, string> }) {
  const t = useTranslations("dossiers");
  const locale = useLocale();
  const [state, action] = useActionState(serverAction, initialFormState<Saved>());
  const f = useFields(state, initial);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="dossier-form" noValidate {...guard}>
      <FormBanner state={state} />
      <div className="field">
        <label htmlFor={f.id("subject")}>{t("fields.subject")}</label>
        <select {...f.props("subject", { hint: true })} data-testid="dossier-subject" required>
          <option value="">{t("pickSubject")}</option>
          <optgroup label={t("subjectTypes.PROCEEDING")}>
            {subjects.proceedings.map((p) => (
              <option key={p.id} value={`PROCEEDING:${p.id}`}>
                {/* Both titles, the reader's first: a Persian page lists a proceeding by its Persian title, the English (the court's) after it. */}
                {bothTitlesText(p, locale)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("subjectTypes.PERSON")}>
            {subjects.persons.map((p) => (
              <option key={p.id} value={`PERSON:${p.id}`}>
                {/* Both names, the reader's first: a Persian page lists persons by their Persian names. */}
                {bothNamesText(p, locale)}
              </option>
            ))}
          </optgroup>
        </select>
        <p className="hint" id={f.hintId("subject")}>
          {t("hints.subject")}
        </p>
        {f.error("subject")}
      </div>
      <div className="field">
        <label htmlFor={f.id("title")}>{t("fields.title")}</label>
        <input {...f.props("title")} type="text" dir="auto" data-testid="dossier-title" />
        {f.error("title")}
      </div>
      <div className="field">
        <label htmlFor={f.id("description")}>
          {t("fields.description")} <span className="optional">{t("optional")}</span>
        </label>
        <textarea {...f.props("description")} dir="auto" rows={3} data-testid="dossier-description" />
        {f.error("description")}
      </div>
      <div className="field">
        <label className="check">
          <input type="checkbox" name="preselect" defaultChecked={state.seq === 0 ? true : state.values.preselect === "on"} data-testid="dossier-preselect" />
          <span>{t("fields.preselect")}</span>
        </label>
        <p className="hint">{t("hints.preselect")}</p>
      </div>
      <div className="actions">
        <SubmitButton testId="dossier-submit">{t("create")}</SubmitButton>
      </div>
    </form>
  );
}

/** Title and description of an existing dossier. */
export function EditDossierForm({ action: serverAction, initial }: { action: Action; initial: Record<string, string> }) {
  const t = useTranslations("dossiers");
  const [state, action] = useActionState(serverAction, initialFormState<Saved>());
  const f = useFields(state, initial);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="dossier-edit-form" noValidate {...guard}>
      <FormBanner state={state} success={t("saved")} />
      <div className="field">
        <label htmlFor={f.id("title")}>{t("fields.title")}</label>
        <input {...f.props("title")} type="text" dir="auto" data-testid="dossier-edit-title" />
        {f.error("title")}
      </div>
      <div className="field">
        <label htmlFor={f.id("description")}>
          {t("fields.description")} <span className="optional">{t("optional")}</span>
        </label>
        <textarea {...f.props("description")} dir="auto" rows={3} />
        {f.error("description")}
      </div>
      <div className="actions">
        <SubmitButton testId="dossier-edit-submit">{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
