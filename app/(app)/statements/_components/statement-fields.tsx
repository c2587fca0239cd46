"use client";

import { useTranslations } from "@/lib/i18n/use-translations";
import type { useFields } from "@/app/_components/form-bits";

type Fields = ReturnType<typeof useFields>;

export type StatementChoices = { languages: readonly string[]; modes: readonly string[]; relations: readonly string[] };

/** The content fields shared by the new-statement and edit forms. */
export function StatementContentFields({ f, choices }: { f: Fields; choices: StatementChoices }) {
  const t = useTranslations();
  const optional = <span className="optional">{t("common.optional")}</span>;
  return (
    <>
      <div className="field">
        <label htmlFor={f.id("title")}>{t("statements.titleField")}</label>
        <input {...f.props("title")} type="text" dir="auto" maxLength={300} required />
        {f.error("title")}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={f.id("language")}>{t("statements.language")}</label>
          <select {...f.props("language")}>
            {choices.languages.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
          {f.error("language")}
        </div>
        <div className="field">
          <label htmlFor={f.id("interviewDate")}>
            {t("statements.interviewDate")} {optional}
          </label>
          <input {...f.props("interviewDate", { hint: true })} type="text" dir="auto" maxLength={100} />
          <p className="hint" id={f.hintId("interviewDate")}>
            {t("statements.interviewDateHint")}
          </p>
          {f.error("interviewDate")}
        </div>
      </div>

      <fieldset className="fieldset">
        <legend>{t("statements.interviewDetails")}</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor={f.id("interviewPlace")}>
              {t("statements.interviewPlace")} {optional}
            </label>
            <input {...f.props("interviewPlace")} type="text" dir="auto" maxLength={300} />
            {f.error("interviewPlace")}
          </div>
          <div className="field">
            <label htmlFor={f.id("mode")}>
              {t("statements.mode")} {optional}
            </label>
            <select {...f.props("mode")}>
              <option value="">{t("common.notGiven")}</option>
              {choices.modes.map((m) => (
                <option key={m} value={m}>
                  {t(`statements.modes.${m}`)}
                </option>
              ))}
            </select>
            {f.error("mode")}
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={f.id("interviewers")}>
              {t("statements.interviewers")} {optional}
            </label>
            <textarea {...f.props("interviewers", { hint: true })} dir="auto" rows={2} />
            <p className="hint" id={f.hintId("interviewers")}>
              {t("common.onePerLine")}
            </p>
            {f.error("interviewers")}
          </div>
          <div className="field">
            <label htmlFor={f.id("relation")}>
              {t("statements.relation")} {optional}
            </label>
            <select {...f.props("relation")}>
              <option value="">{t("common.notGiven")}</option>
              {choices.relations.map((r) => (
                <option key={r} value={r}>
                  {t(`statements.relations.${r}`)}
                </option>
              ))}
            </select>
            {f.error("relation")}
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={f.id("periodCovered")}>
              {t("statements.periodCovered")} {optional}
            </label>
            <input {...f.props("periodCovered", { hint: true })} type="text" dir="auto" maxLength={100} />
            <p className="hint" id={f.hintId("periodCovered")}>
              {t("statements.periodCoveredHint")}
            </p>
            {f.error("periodCovered")}
          </div>
          <div className="field">
            <label htmlFor={f.id("placesCovered")}>
              {t("statements.placesCovered")} {optional}
            </label>
            <textarea {...f.props("placesCovered", { hint: true })} dir="auto" rows={2} />
            <p className="hint" id={f.hintId("placesCovered")}>
              {t("common.onePerLine")}
            </p>
            {f.error("placesCovered")}
          </div>
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor={f.id("summary")}>
          {t("statements.summary")} {optional}
        </label>
        <textarea {...f.props("summary")} dir="auto" rows={3} />
        {f.error("summary")}
      </div>
      <div className="field">
        <label htmlFor={f.id("originalText")}>{t("statements.originalText")}</label>
        <textarea {...f.props("originalText", { hint: true })} dir="auto" rows={16} className="text-area-long" required />
        <p className="hint" id={f.hintId("originalText")}>
          {t("statements.originalTextHint")}
        </p>
        {f.error("originalText")}
      </div>
      <div className="field">
        <label htmlFor={f.id("notes")}>
          {t("statements.notes")} {optional}
        </label>
        <textarea {...f.props("notes", { hint: true })} dir="auto" rows={3} />
        <p className="hint" id={f.hintId("notes")}>
          {t("statements.notesHint")}
        </p>
        {f.error("notes")}
      </div>
    </>
  );
}
