"use client";

import { useTranslations } from "@/lib/i18n/use-translations";
import type { useFields } from "@/app/_components/form-bits";
import type { FormState } from "@/app/_lib/form-state";

type Fields = ReturnType<typeof useFields>;

// The protected identity fields, shared by the registration form and the witness page's
// identity form. Browsers are asked not to remember or spell-check what is typed here: form
// history and cloud spell-checkers would keep a copy of a witness's name outside Casefile.
const FIELDS: { name: string; long: boolean; maxLength: number }[] = [
  { name: "legalName", long: false, maxLength: 300 },
  { name: "otherNames", long: true, maxLength: 1000 },
  { name: "birthDate", long: false, maxLength: 100 },
  { name: "contact", long: true, maxLength: 2000 },
  { name: "currentLocation", long: true, maxLength: 1000 },
  { name: "relativesAtRisk", long: true, maxLength: 5000 },
];

export function IdentityFields<D>({
  f,
  state,
  recorded,
  clearable = false,
}: {
  f: Fields;
  state: FormState<D>;
  /** Fields that already hold a value (never the values themselves). */
  recorded?: readonly string[];
  /** Offer a "clear this field" box per recorded field. */
  clearable?: boolean;
}) {
  const t = useTranslations();
  return (
    <>
      {FIELDS.map(({ name, long, maxLength }) => {
        const isRecorded = recorded?.includes(name) ?? false;
        const props = {
          ...f.props(name, { hint: true }),
          dir: "auto" as const,
          maxLength,
          autoComplete: "off",
          spellCheck: false,
          "data-testid": `identity-${name}`,
        };
        return (
          <div className="field" key={name}>
            <label htmlFor={f.id(name)}>
              {t(`witness.identity.fields.${name}`)}{" "}
              {recorded ? (
                <span className={isRecorded ? "badge badge-recorded" : "optional"}>{isRecorded ? t("witness.identity.recorded") : t("witness.identity.notRecorded")}</span>
              ) : (
                <span className="optional">{t("common.optional")}</span>
              )}
            </label>
            {long ? <textarea {...props} rows={name === "relativesAtRisk" ? 3 : 2} /> : <input type="text" {...props} />}
            <p className="hint" id={f.hintId(name)}>
              {t(`witness.identity.hints.${name}`)}
              {recorded && isRecorded && <> {t("witness.identity.keepHint")}</>}
            </p>
            {clearable && isRecorded && (
              <label className="check">
                <input type="checkbox" name={`clear_${name}`} defaultChecked={state.values[`clear_${name}`] === "on"} data-testid={`clear-${name}`} />
                <span>{t("witness.identity.clear", { field: t(`witness.identity.fields.${name}`) })}</span>
              </label>
            )}
            {f.error(name)}
          </div>
        );
      })}
    </>
  );
}
