"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { RowsField, rowCount } from "@/app/(app)/_components/registry/rows-field";
import styles from "@/app/(app)/_components/registry/registry.module.css";
import type { PersonFormData } from "../actions";

type Action = (prev: FormState<PersonFormData>, formData: FormData) => Promise<FormState<PersonFormData>>;

/** The person form, for a new person and for an edit (`initial` holds the record's fields). */
export function PersonForm({ action, initial = {}, submitLabel, editing = false }: { action: Action; initial?: Record<string, string>; submitLabel: string; editing?: boolean }) {
  const t = useTranslations("persons");
  const tc = useTranslations("common");
  const [state, formAction] = useActionState(action, initialFormState<PersonFormData>());
  const f = useFields(state, initial);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  const optional = <span className="optional">{tc("optional")}</span>;
  const duplicates = state.data?.duplicates;
  return (
    <form key={state.seq} ref={ref} action={formAction} className="form" data-testid="person-form" noValidate {...guard}>
      <FormBanner state={state} />
      {duplicates && duplicates.length > 0 && (
        <section className={styles.duplicates} aria-labelledby="duplicates-heading" data-testid="duplicate-warning">
          <h2 id="duplicates-heading">{t("duplicatesHeading")}</h2>
          <p className="hint">{t("duplicatesIntro")}</p>
          <ul className={styles.duplicateList}>
            {duplicates.map((d) => (
              <li key={d.id} data-testid="duplicate-candidate">
                <Link href={`/persons/${d.id}`} target="_blank" rel="noopener" className="record-title">
                  <bdi>{d.name}</bdi>
                </Link>
                {d.nameFa && (
                  <>
                    {" "}
                    <span lang="fa" dir="rtl">
                      {d.nameFa}
                    </span>
                  </>
                )}{" "}
                <span className={styles.score}>{t("duplicateMatch", { query: d.query, matched: d.matched, score: Math.round(d.score * 100) })}</span>
              </li>
            ))}
          </ul>
          <label className={styles.checkbox}>
            <input type="checkbox" name="confirmDuplicate" value="on" data-testid="confirm-duplicate" />
            <span>{editing ? t("confirmDuplicateEdit") : t("confirmDuplicate")}</span>
          </label>
        </section>
      )}
      {editing && <input type="hidden" name="baseUpdatedAt" value={initial.baseUpdatedAt ?? ""} />}
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("name")}>{t("name")}</label>
          <input {...f.props("name", { hint: true })} type="text" dir="auto" maxLength={300} required />
          <p className="hint" id={f.hintId("name")}>
            {t("nameHint")}
          </p>
          {f.error("name")}
        </div>
        <div className="field">
          <label htmlFor={f.id("nameFa")}>
            {t("nameFa")} {optional}
          </label>
          <input {...f.props("nameFa")} type="text" lang="fa" dir="rtl" maxLength={300} />
          {f.error("nameFa")}
        </div>
      </div>

      <RowsField
        f={f}
        state={state}
        group="aliases"
        legend={t("aliases")}
        hint={t("aliasesHint")}
        count={rowCount(state, initial, "aliases")}
        columns={[
          { name: "name", label: t("aliasName"), maxLength: 200 },
          { name: "note", label: t("aliasNote"), optional: true, maxLength: 500, size: "wide" },
        ]}
        addLabel={t("addAlias")}
        rowLabel={(n) => t("aliasN", { n })}
        testId="aliases-field"
      />

      <RowsField
        f={f}
        state={state}
        group="positions"
        legend={t("positions")}
        hint={t("positionsHint")}
        count={rowCount(state, initial, "positions")}
        columns={[
          { name: "title", label: t("positionTitle"), maxLength: 300, size: "wide" },
          { name: "titleFa", label: t("positionTitleFa"), optional: true, maxLength: 300, size: "wide", lang: "fa" },
          { name: "institution", label: t("institution"), optional: true, maxLength: 300 },
          { name: "place", label: t("place"), optional: true, maxLength: 200 },
          { name: "from", label: t("from"), optional: true, maxLength: 100, size: "narrow" },
          { name: "to", label: t("to"), optional: true, maxLength: 100, size: "narrow" },
        ]}
        addLabel={t("addPosition")}
        rowLabel={(n) => t("positionN", { n })}
        testId="positions-field"
      />

      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("summary")}>
            {t("summary")} {optional}
          </label>
          <textarea {...f.props("summary", { hint: true })} dir="auto" rows={4} />
          <p className="hint" id={f.hintId("summary")}>
            {t("summaryHint")}
          </p>
          {f.error("summary")}
        </div>
        <div className="field">
          <label htmlFor={f.id("summaryFa")}>
            {t("summaryFa")} {optional}
          </label>
          <textarea {...f.props("summaryFa")} lang="fa" dir="rtl" rows={4} />
          {f.error("summaryFa")}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("statusNotes")}>
            {t("statusNotes")} {optional}
          </label>
          <textarea {...f.props("statusNotes", { hint: true })} dir="auto" rows={3} />
          <p className="hint" id={f.hintId("statusNotes")}>
            {t("statusNotesHint")}
          </p>
          {f.error("statusNotes")}
        </div>
        <div className="field">
          <label htmlFor={f.id("statusNotesFa")}>
            {t("statusNotesFa")} {optional}
          </label>
          <textarea {...f.props("statusNotesFa")} lang="fa" dir="rtl" rows={3} />
          {f.error("statusNotesFa")}
        </div>
      </div>
      <div className="field">
        <label htmlFor={f.id("source")}>
          {t("source")} {optional}
        </label>
        <input {...f.props("source")} type="text" dir="auto" maxLength={1000} />
        {f.error("source")}
      </div>
      {f.error("baseUpdatedAt")}
      <div className="actions">
        <SubmitButton testId="person-submit">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
