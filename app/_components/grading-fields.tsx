"use client";

import { useTranslations } from "@/lib/i18n/use-translations";
import { FieldError } from "./form-bits";
import styles from "./grading.module.css";

const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;
const CREDIBILITY = ["1", "2", "3", "4", "5", "6"] as const;

/**
 * The two Admiralty scales as radio groups, each option with its short explanation. Native
 * radios: arrow keys move within a group, Tab moves between groups.
 */
export function GradingFields({
  idPrefix,
  names = { reliability: "reliability", credibility: "credibility" },
  values,
  errors,
}: {
  idPrefix: string;
  names?: { reliability: string; credibility: string };
  values: { reliability?: string; credibility?: string };
  errors?: Record<string, string[]>;
}) {
  const t = useTranslations("grading");
  const group = (axis: "reliability" | "credibility", options: readonly string[]) => {
    const name = names[axis];
    const err = errors?.[name];
    const errId = `${idPrefix}-${name}-error`;
    return (
      <fieldset className="fieldset" aria-describedby={err ? errId : undefined} data-testid={`${axis}-group`}>
        <legend>{t(`${axis}.legend`)}</legend>
        <p className="hint">{t(`${axis}.intro`)}</p>
        <div className={styles.scale}>
          {options.map((o) => (
            <label key={o} className={styles.option}>
              <input type="radio" name={name} value={o} defaultChecked={values[axis] === o} aria-invalid={err ? true : undefined} data-testid={`${axis}-${o}`} />
              <span className={styles.optionName}>
                <span dir="ltr">{o}</span> — {t(`${axis}.${o}.name`)}
              </span>
              <span className={styles.optionHint}>{t(`${axis}.${o}.hint`)}</span>
            </label>
          ))}
        </div>
        <FieldError id={errId} name={name} messages={err} />
      </fieldset>
    );
  };
  return (
    <div className={styles.columns}>
      {group("reliability", RELIABILITY)}
      {group("credibility", CREDIBILITY)}
    </div>
  );
}
