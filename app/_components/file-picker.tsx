"use client";

import { useCallback, useEffect, useRef, useState, type ChangeEvent, type InputHTMLAttributes, type Ref, type RefObject } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { useHydrated } from "@/app/_lib/use-hydrated";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "className" | "children"> & {
  id: string;
  inputRef?: Ref<HTMLInputElement>;
  /** What the field says it holds, when its owner knows better than the input (a file dropped on it). */
  chosenName?: string | null;
  testId: string;
};

/**
 * A file field whose button and "no file chosen" are in the interface's language. A browser
 * writes its own file input's button in its own language ("Choose File" on a Persian page).
 * Here the real input lies, transparent, over a button and a line of ours: a click, a tap, the
 * keyboard (Tab, then Space or Enter), a file dropped on it and a screen reader all reach the
 * browser's own input, named by the field's <label>. Until the page's scripts run, and without
 * them, the plain input shows: it alone can tell which file was chosen then.
 *
 * The input is the same element before and after the scripts run (same place in the tree), so a
 * file chosen meanwhile stays chosen; it is then announced to the owner as if just chosen.
 */
export function FilePicker({ id, inputRef, chosenName, testId, onChange, disabled, ...input }: Props) {
  const t = useTranslations("common");
  const hydrated = useHydrated();
  const own = useRef<HTMLInputElement | null>(null);
  const ref = useCallback(
    (el: HTMLInputElement | null) => {
      own.current = el;
      if (typeof inputRef === "function") inputRef(el);
      else if (inputRef) (inputRef as RefObject<HTMLInputElement | null>).current = el;
    },
    [inputRef],
  );
  const [picked, setPicked] = useState<string | null>(null);
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    setPicked(e.target.files?.[0]?.name ?? null);
    onChange?.(e);
  };
  useEffect(() => {
    // A file chosen before the page's scripts ran: no handler saw it.
    if (hydrated && own.current?.files?.length) own.current.dispatchEvent(new Event("change", { bubbles: true }));
  }, [hydrated]);
  const name = chosenName === undefined ? picked : chosenName;
  return (
    <span className={hydrated ? "file-picker" : undefined} data-disabled={(hydrated && disabled) || undefined}>
      <input {...input} ref={ref} id={id} type="file" disabled={disabled} onChange={change} data-testid={testId} className={hydrated ? "file-picker-input" : undefined} />
      {hydrated && (
        <>
          <span className="button file-picker-button" aria-hidden="true">
            {t("chooseFile")}
          </span>
          <span className={name ? "file-picker-name" : "file-picker-name muted"} aria-hidden="true" data-testid={`${testId}-name`}>
            {name ? <bdi>{name}</bdi> : t("noFileChosen")}
          </span>
        </>
      )}
    </span>
  );
}
