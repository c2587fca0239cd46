"use client";

import Link from "next/link";
import { useTranslations } from "@/lib/i18n/use-translations";
import { RegistryAutocomplete, type RegistryKind } from "@/app/_components/registry-autocomplete";
import styles from "./registry.module.css";

/**
 * The search over a registry list: a plain GET form (?q=…) that works without JavaScript,
 * with the autocomplete on top: choosing a suggestion opens the record, Enter without one
 * lists every match.
 */
export function RegistrySearch({ kind, path, q, label, placeholder }: { kind: RegistryKind; path: string; q: string; label: string; placeholder?: string }) {
  const t = useTranslations("registry");
  return (
    <form method="get" action={path} className={styles.search} role="search" data-testid={`${kind}-search`}>
      <RegistryAutocomplete kind={kind} label={label} inputName="q" defaultQuery={q} hrefBase={`${path}/`} placeholder={placeholder} hint={t("searchHint")} testId="registry-search" />
      <div className={styles.searchActions}>
        <button type="submit" className="button">
          {t("search")}
        </button>
        {q && <Link href={path}>{t("clearSearch")}</Link>}
      </div>
    </form>
  );
}
