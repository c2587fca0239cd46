"use client";

import { useTranslations } from "next-intl";
import type { useFields } from "@/app/_components/form-bits";

type Fields = ReturnType<typeof useFields>;

/** The content fields shared by the new-statement and edit forms. */
export function StatementContentFields({ f, languages }: { f: Fields; languages: readonly string[] }) {
  const t = useTranslations();
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
            {languages.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
          {f.error("language")}
        </div>
        <div className="field">
          <label htmlFor={f.id("interviewDate")}>
            {t("statements.interviewDate")} <span className="optional">{t("common.optional")}</span>
          </label>
          <input {...f.props("interviewDate", { hint: true })} type="text" dir="auto" maxLength={100} />
          <p className="hint" id={f.hintId("interviewDate")}>
            {t("statements.interviewDateHint")}
          </p>
          {f.error("interviewDate")}
        </div>
      </div>
      <div className="field">
        <label htmlFor={f.id("summary")}>
          {t("statements.summary")} <span className="optional">{t("common.optional")}</span>
        </label>
        <textarea {...f.props("summary")} dir="auto" rows={3} />
        {f.error("summary")}
      </div>
      <div className="field">
        <label htmlFor={f.id("originalText")}>{t("statements.originalText")}</label>
        <textarea {...f.props("originalText", { hint: true })} dir="auto" rows={16} className="text-area-long" required />
        <p className="hint" id={f.hintId("originalText")}>{t("statements.originalTextHint")}</p>
        {f.error("originalText")}
      </div>
    </>
  );
}
