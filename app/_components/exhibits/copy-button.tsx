"use client";

import { useState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { useHydrated } from "@/app/_lib/use-hydrated";
import styles from "./exhibits.module.css";

/** Copies a value (a SHA-256) to the clipboard and says so to screen readers too. Not offered without scripts (the value is on the page to select). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations("exhibits");
  const [copied, setCopied] = useState(false);
  const hydrated = useHydrated();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // No clipboard permission (e.g. plain http): select the text so Ctrl+C works.
      const range = document.createRange();
      const el = document.querySelector(`[data-copy-source="${value}"]`);
      if (el) {
        range.selectNodeContents(el);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  if (!hydrated) return null;
  return (
    <>
      <button type="button" className={`button small ${styles.copy}`} onClick={copy} aria-label={label} title={label} data-testid="copy-hash">
        {t("copy")}
      </button>
      <span role="status" className={styles.copied}>
        {copied ? t("copied") : ""}
      </span>
    </>
  );
}
