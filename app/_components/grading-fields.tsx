"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FieldError } from "./form-bits";
import styles from "./grading.module.css";

const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;
const CREDIBILITY = ["1", "2", "3", "4", "5", "6"] as const;

/**
 * The two Admiralty scales as radio groups, each option with its short explanation. Native
 * radios: arrow keys move within a group, Tab moves between groups.
 *
 * Where grading may be left out (a review decision other than a verification), `none` adds a
 * first option on each scale sending an empty value, so a grade chosen by mistake can be taken
 * back without scripts; `mark` follows each legend ("(required)", "(optional)"), `required`
 * marks the radios required for assistive technology, and `describedBy` names a hint shared by
 * both scales. While `required` (set by the form's script once the decision needs a grade), the
 * "none" option gives way to `none.choose`, shown while the scale has no grade: a required scale
 * never sits on "not graded". The choice is kept across that change, so a grade picked survives
 * a switch of decision.
 */
export function GradingFields({
  idPrefix,
  names = { reliability: "reliability", credibility: "credibility" },
  values,
  errors,
  none,
  mark,
  required,
  describedBy,
}: {
  idPrefix: string;
  names?: { reliability: string; credibility: string };
  values: { reliability?: string; credibility?: string };
  errors?: Record<string, string[]>;
  none?: { label: string; hint: string; choose: string };
  mark?: ReactNode;
  required?: boolean;
  describedBy?: string;
}) {
  const t = useTranslations("grading");
  // Controlled, so that the "none" option can leave and come back without taking the choice with it.
  const [picked, setPicked] = useState({ reliability: values.reliability ?? "", credibility: values.credibility ?? "" });
  const group = (axis: "reliability" | "credibility", options: readonly string[]) => {
    const name = names[axis];
    const err = errors?.[name];
    const errId = `${idPrefix}-${name}-error`;
    const described = [describedBy ?? "", err ? errId : ""].filter(Boolean).join(" ");
    return (
      <fieldset className="fieldset" aria-describedby={described || undefined} data-testid={`${axis}-group`}>
        <legend>
          {t(`${axis}.legend`)}
          {mark && <> {mark}</>}
        </legend>
        <p className="hint">{t(`${axis}.intro`)}</p>
        <div className={styles.scale}>
          {none && !required && (
            <label className={styles.option}>
              <input
                type="radio"
                name={name}
                value=""
                checked={picked[axis] === ""}
                onChange={() => setPicked((p) => ({ ...p, [axis]: "" }))}
                aria-invalid={err ? true : undefined}
                data-testid={`${axis}-none`}
              />
              <span className={styles.optionName}>{none.label}</span>
              <span className={styles.optionHint}>{none.hint}</span>
            </label>
          )}
          {none && required && picked[axis] === "" && (
            <p className={styles.choose} data-testid={`${axis}-choose`}>
              {none.choose}
            </p>
          )}
          {options.map((o) => (
            <label key={o} className={styles.option}>
              <input
                type="radio"
                name={name}
                value={o}
                checked={picked[axis] === o}
                onChange={() => setPicked((p) => ({ ...p, [axis]: o }))}
                required={required}
                aria-invalid={err ? true : undefined}
                data-testid={`${axis}-${o}`}
              />
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
