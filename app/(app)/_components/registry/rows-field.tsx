"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { useHydrated } from "@/app/_lib/use-hydrated";
import type { useFields } from "@/app/_components/form-bits";
import type { FormState } from "@/app/_lib/form-state";
import styles from "./registry.module.css";

type Fields = ReturnType<typeof useFields>;

export type RowColumn = {
  name: string;
  label: string;
  optional?: boolean;
  maxLength?: number;
  /** Persian-only fields get lang/dir; names typed in either script get dir="auto". */
  lang?: "fa";
  /** How much room the field takes in its row. */
  size?: "narrow" | "wide";
  hint?: string;
};

/** How many rows the form shows: what the last submission sent back, or else the record's. */
export function rowCount<D>(state: FormState<D>, initial: Record<string, string>, group: string): number {
  const echoed = state.values[`${group}.count`];
  if (echoed !== undefined) return Number(echoed) || 0;
  let n = 0;
  for (const k of Object.keys(initial)) {
    const m = new RegExp(`^${group}\\.(\\d+)\\.`).exec(k);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return n;
}

/**
 * A repeating group of fields (a person's aliases, positions; a proceeding's timeline). Inputs
 * are named "group.N.column" and the server action reads them with collectRows; rows left blank
 * are ignored. Works without JavaScript for the rows shown (plus one blank row).
 */
export function RowsField({
  f,
  state,
  group,
  legend,
  hint,
  columns,
  count,
  addLabel,
  rowLabel,
  testId,
}: {
  f: Fields;
  state: FormState<unknown>;
  group: string;
  legend: string;
  hint?: string;
  columns: RowColumn[];
  count: number;
  addLabel: string;
  /** "Alias {n}": names each row for screen readers and the remove button. */
  rowLabel: (n: number) => string;
  testId?: string;
}) {
  const t = useTranslations("registry.rows");
  // Adding and removing rows needs scripts: without them the rows shown are the form (an emptied row is left out).
  const hydrated = useHydrated();
  const [keys, setKeys] = useState<number[]>(() => Array.from({ length: Math.max(count, count === 0 ? 1 : 0) }, (_, i) => i));
  const next = useRef(keys.length);
  const focusKey = useRef<number | null>(null);
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey.current === null) return;
    container.current?.querySelector<HTMLInputElement>(`[data-row="${focusKey.current}"] input, [data-row="${focusKey.current}"] textarea`)?.focus();
    focusKey.current = null;
  }, [keys]);
  const groupErrors = state.fieldErrors?.[group];
  return (
    <fieldset className="fieldset" data-testid={testId}>
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {groupErrors && (
        <p className="field-error" data-testid={`field-error-${group}`}>
          {groupErrors.join(" ")}
        </p>
      )}
      <div className={styles.rows} ref={container}>
        {keys.map((k, position) => (
          <div key={k} className={styles.row} data-row={k} role="group" aria-label={rowLabel(position + 1)} data-testid={`${group}-row`}>
            {columns.map((c) => {
              const name = `${group}.${k}.${c.name}`;
              const props = f.props(name, { hint: !!c.hint });
              return (
                <div className={`field ${styles.cell}${c.size ? ` ${styles[c.size]}` : ""}`} key={c.name}>
                  <label htmlFor={props.id}>
                    {c.label} {c.optional && <span className="optional">{t("optional")}</span>}
                  </label>
                  <input {...props} type="text" maxLength={c.maxLength} lang={c.lang} dir={c.lang === "fa" ? "rtl" : "auto"} />
                  {c.hint && (
                    <p className="hint" id={f.hintId(name)}>
                      {c.hint}
                    </p>
                  )}
                  {f.error(name)}
                </div>
              );
            })}
            {hydrated && (
              <button
                type="button"
                className={`button small ${styles.rowRemove}`}
                aria-label={t("removeRow", { row: rowLabel(position + 1) })}
                onClick={() => setKeys((ks) => ks.filter((x) => x !== k))}
              >
                {t("remove")}
              </button>
            )}
          </div>
        ))}
      </div>
      {hydrated && (
        <div className={styles.rowsFoot}>
          <button
            type="button"
            className="button small"
            data-testid={`${group}-add`}
            onClick={() => {
              const k = next.current++;
              focusKey.current = k;
              setKeys((ks) => [...ks, k]);
            }}
          >
            {addLabel}
          </button>
        </div>
      )}
    </fieldset>
  );
}

/** Field errors for a list field and its items ("aliases", "aliases.2"), with the line number of each item. */
export function listErrors<D>(state: FormState<D>, name: string, lineLabel: (n: number) => string): string[] | undefined {
  const out: string[] = [];
  for (const [key, messages] of Object.entries(state.fieldErrors ?? {})) {
    if (key === name) out.push(...messages);
    const m = new RegExp(`^${name}\\.(\\d+)$`).exec(key);
    if (m) out.push(...messages.map((msg) => `${lineLabel(Number(m[1]) + 1)} ${msg}`));
  }
  return out.length ? out : undefined;
}
