"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { RecordPicker, labelsField } from "@/app/(app)/_components/registry/record-picker";
import { parsePicked, type PickedRecord } from "@/app/_lib/echoed-values";

type Saved = { id: string };
type Action = (prev: FormState<Saved>, formData: FormData) => Promise<FormState<Saved>>;

export function EventForm({
  action,
  initial = {},
  places = [],
  submitLabel,
  editing = false,
}: {
  action: Action;
  initial?: Record<string, string>;
  places?: PickedRecord[];
  submitLabel: string;
  editing?: boolean;
}) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, initialFormState<Saved>());
  const f = useFields(state, initial);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  const optional = <span className="optional">{t("common.optional")}</span>;
  return (
    <form key={state.seq} ref={ref} action={formAction} className="form" data-testid="event-form" noValidate {...guard}>
      <FormBanner state={state} />
      {editing && <input type="hidden" name="baseUpdatedAt" value={initial.baseUpdatedAt ?? ""} />}
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("title")}>{t("events.titleField")}</label>
          <input {...f.props("title")} type="text" dir="auto" maxLength={300} required />
          {f.error("title")}
        </div>
        <div className="field">
          <label htmlFor={f.id("titleFa")}>
            {t("events.titleFa")} {optional}
          </label>
          <input {...f.props("titleFa")} type="text" lang="fa" dir="rtl" maxLength={300} />
          {f.error("titleFa")}
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("dateStart")}>{t("events.date")}</label>
          <input {...f.props("dateStart", { hint: true })} type="text" dir="auto" maxLength={100} required />
          <p className="hint" id={f.hintId("dateStart")}>
            {t("events.dateHint")}
          </p>
          {f.error("dateStart")}
        </div>
        <div className="field">
          <label htmlFor={f.id("dateEnd")}>
            {t("events.dateEnd")} {optional}
          </label>
          <input {...f.props("dateEnd", { hint: true })} type="text" dir="auto" maxLength={100} />
          <p className="hint" id={f.hintId("dateEnd")}>
            {t("events.dateEndHint")}
          </p>
          {f.error("dateEnd")}
        </div>
      </div>
      <RecordPicker
        kind="places"
        name="placeIds"
        label={t("events.places")}
        hint={t("events.placesHint")}
        initial={parsePicked(state.values[labelsField("placeIds")]) ?? places}
        errors={state.fieldErrors?.placeIds}
        testId="event-places"
      />
      <div className="field">
        <label htmlFor={f.id("description")}>
          {t("events.description")} {optional}
        </label>
        <textarea {...f.props("description")} dir="auto" rows={5} />
        {f.error("description")}
      </div>
      <div className="field">
        <label htmlFor={f.id("source")}>
          {t("events.source")} {optional}
        </label>
        <input {...f.props("source")} type="text" dir="auto" maxLength={1000} />
        {f.error("source")}
      </div>
      {f.error("baseUpdatedAt")}
      <div className="actions">
        <SubmitButton testId="event-submit">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
