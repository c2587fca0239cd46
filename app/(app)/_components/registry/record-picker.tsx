"use client";

import { useState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { useHydrated } from "@/app/_lib/use-hydrated";
import { RegistryAutocomplete, type RegistryItem, type RegistryKind } from "@/app/_components/registry-autocomplete";
import type { PickedRecord } from "@/app/_lib/echoed-values";
import styles from "./registry.module.css";

/** The labels of the chosen records travel with the form, so a failed submission can show them again. */
export const labelsField = (name: string) => `${name}__labels`;

/**
 * Several records chosen through the registry autocomplete (a proceeding's defendants, an
 * event's places): each choice becomes a removable chip and a hidden input `name` with its id.
 */
export function RecordPicker({
  kind,
  name,
  label,
  hint,
  initial,
  errors,
  testId,
}: {
  kind: RegistryKind;
  name: string;
  label: string;
  hint?: string;
  initial: PickedRecord[];
  errors?: string[];
  testId?: string;
}) {
  const t = useTranslations("registry.picker");
  const [picked, setPicked] = useState<PickedRecord[]>(initial);
  // Removing a chosen record needs scripts; without them no button that does nothing is offered.
  const hydrated = useHydrated();
  const errorId = `${name}-picker-error`;
  return (
    <div className="field" data-testid={testId}>
      <RegistryAutocomplete
        kind={kind}
        label={label}
        hint={hint}
        clearOnSelect
        exclude={picked.map((p) => p.id)}
        onSelect={(item: RegistryItem) => setPicked((ps) => (ps.some((p) => p.id === item.id) ? ps : [...ps, { id: item.id, name: item.name, nameFa: item.nameFa }]))}
        invalid={!!errors}
        describedBy={errors ? errorId : undefined}
        testId={testId ? `${testId}-search` : undefined}
      />
      {picked.length > 0 ? (
        <ul className={styles.chips} aria-label={t("chosen", { label })}>
          {picked.map((p) => (
            <li key={p.id} className={styles.chip} data-testid="picked-record">
              <bdi>{p.name}</bdi>
              {p.nameFa && (
                <span lang="fa" dir="rtl">
                  {p.nameFa}
                </span>
              )}
              <input type="hidden" name={name} value={p.id} />
              {hydrated && (
                <button type="button" className={styles.chipRemove} aria-label={t("remove", { name: p.name })} onClick={() => setPicked((ps) => ps.filter((x) => x.id !== p.id))}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t("none")}</p>
      )}
      <input type="hidden" name={labelsField(name)} value={JSON.stringify(picked)} />
      {errors && (
        <p className="field-error" id={errorId} data-testid={`field-error-${name}`}>
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}
