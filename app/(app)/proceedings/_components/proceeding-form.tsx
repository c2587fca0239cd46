"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { RecordPicker, labelsField } from "@/app/(app)/_components/registry/record-picker";
import { parsePicked, type PickedRecord } from "@/app/_lib/echoed-values";
import { RowsField, rowCount } from "@/app/(app)/_components/registry/rows-field";

type Saved = { id: string };
type Action = (prev: FormState<Saved>, formData: FormData) => Promise<FormState<Saved>>;

export function ProceedingForm({
  action,
  kinds,
  initial = {},
  defendants = [],
  submitLabel,
  editing = false,
}: {
  action: Action;
  kinds: readonly string[];
  initial?: Record<string, string>;
  defendants?: PickedRecord[];
  submitLabel: string;
  editing?: boolean;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, initialFormState<Saved>());
  const f = useFields(state, initial);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  const optional = <span className="optional">{t("common.optional")}</span>;
  // A Persian field is marked Persian and right to left whatever the interface's language; it
  // follows its English field in the row and in the tab order.
  const text = (name: string, label: string, max: number, opts: { hint?: string; fa?: boolean } = {}) => (
    <div className="field">
      <label htmlFor={f.id(name)}>
        {label} {optional}
      </label>
      <input {...f.props(name, { hint: !!opts.hint })} type="text" maxLength={max} {...(opts.fa ? { lang: "fa", dir: "rtl" } : { dir: "auto" })} />
      {opts.hint && (
        <p className="hint" id={f.hintId(name)}>
          {opts.hint}
        </p>
      )}
      {f.error(name)}
    </div>
  );
  return (
    <form key={state.seq} ref={ref} action={formAction} className="form" data-testid="proceeding-form" noValidate {...guard}>
      <FormBanner state={state} />
      {editing && <input type="hidden" name="baseUpdatedAt" value={initial.baseUpdatedAt ?? ""} />}
      <p className="hint" data-testid="proceeding-persian-note">
        {t("proceedings.persianNote")}
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("title")}>{t("proceedings.titleField")}</label>
          <input {...f.props("title")} type="text" dir="auto" maxLength={300} required />
          {f.error("title")}
        </div>
        {text("titleFa", t("proceedings.titleFa"), 300, { fa: true })}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("kind")}>{t("proceedings.kind")}</label>
          <select {...f.props("kind")}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t.has(`proceedings.kinds.${k}`) ? t(`proceedings.kinds.${k}`) : k}
              </option>
            ))}
          </select>
          {f.error("kind")}
        </div>
        {text("docket", t("proceedings.docket"), 200)}
      </div>
      <div className="field-row">
        {text("jurisdiction", t("proceedings.jurisdiction"), 200)}
        {text("jurisdictionFa", t("proceedings.jurisdictionFa"), 200, { fa: true })}
      </div>
      <div className="field-row">
        {text("court", t("proceedings.court"), 300)}
        {text("courtFa", t("proceedings.courtFa"), 300, { fa: true })}
      </div>
      <div className="field-row">
        {text("status", t("proceedings.status"), 300, { hint: t("proceedings.statusHint") })}
        {text("statusFa", t("proceedings.statusFa"), 300, { fa: true })}
      </div>
      <RecordPicker
        kind="persons"
        name="defendantIds"
        label={t("proceedings.defendants")}
        hint={t("proceedings.defendantsHint")}
        initial={parsePicked(state.values[labelsField("defendantIds")]) ?? defendants}
        errors={state.fieldErrors?.defendantIds}
        testId="proceeding-defendants"
      />
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("charges")}>
            {t("proceedings.charges")} {optional}
          </label>
          <textarea {...f.props("charges")} dir="auto" rows={3} />
          {f.error("charges")}
        </div>
        <div className="field">
          <label htmlFor={f.id("chargesFa")}>
            {t("proceedings.chargesFa")} {optional}
          </label>
          <textarea {...f.props("chargesFa")} lang="fa" dir="rtl" rows={3} />
          {f.error("chargesFa")}
        </div>
      </div>
      <RowsField
        f={f}
        state={state}
        group="timeline"
        legend={t("proceedings.timeline")}
        hint={t("proceedings.timelineHint")}
        count={rowCount(state, initial, "timeline")}
        columns={[
          { name: "date", label: t("proceedings.entryDate"), maxLength: 100, size: "narrow" },
          { name: "what", label: t("proceedings.entryWhat"), maxLength: 1000, size: "wide" },
          { name: "whatFa", label: t("proceedings.entryWhatFa"), optional: true, maxLength: 1000, size: "wide", lang: "fa" },
          { name: "source", label: t("proceedings.entrySource"), optional: true, maxLength: 1000 },
        ]}
        addLabel={t("proceedings.addEntry")}
        rowLabel={(n) => t("proceedings.entryN", { n })}
        testId="timeline-field"
      />
      {text("source", t("proceedings.source"), 1000)}
      {f.error("baseUpdatedAt")}
      <div className="actions">
        <SubmitButton testId="proceeding-submit">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
