"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useLocale } from "next-intl";
import { readDate } from "@/app/(app)/_components/registry/read-date";
import { useCalendar } from "@/app/_components/calendar-context";
import { readerName } from "@/app/_lib/reader-name";
import { useHydrated } from "@/app/_lib/use-hydrated";
import { useTranslations } from "@/lib/i18n/use-translations";
import styles from "./registry-autocomplete.module.css";

/**
 * A search-as-you-type box over a registry (persons, organisations, places, events,
 * proceedings), fed by GET /api/v1/{kind}?q=… and its cross-script name matcher: "نيري" offers
 * Hossein-Ali Nayyeri. Events and proceedings are offered by title (an event with its date).
 * Witnesses are offered by pseudonym code with their protection level and fictional badge
 * (GET /api/v1/witnesses?q=…&pageSize=…, a part of the code), never anything that identifies them.
 *
 * ARIA 1.2 combobox with a listbox popup: ArrowDown/ArrowUp move through the suggestions
 * (ArrowDown opens them), Enter chooses the highlighted one. With none highlighted, Enter
 * submits the surrounding form as usual (a search filter looks a typed name up), except with
 * `requireChoice` (a form that takes only a chosen record) while nothing is chosen and suggestions
 * are shown: there it highlights the first, and a second Enter chooses it, rather than sending a
 * form whose record is missing. Escape closes the list and a second Escape clears
 * the text, Tab leaves. The number of suggestions is announced in a live region.
 *
 * Uses:
 *   - a search box in a GET form: `inputName="q"`, `hrefBase="/persons/"` (choosing opens the record);
 *   - a form field that links a record: `valueName="personId"` (a hidden input carries the id);
 *   - in client code: `onSelect={(item) => …}` with `clearOnSelect` to pick several records.
 */

export type RegistryKind = "persons" | "organisations" | "places" | "events" | "proceedings";

/** What the box can search: a registry, or the witnesses by code. */
export type AutocompleteKind = RegistryKind | "witnesses";

export type RegistryItem = {
  id: string;
  name: string;
  nameFa: string;
  aliases: string[];
  score: number;
  city?: string;
  date?: string;
  witness?: { protectionLevel: string; fictional: boolean };
};

type TitledItem = { id: string; title: string; titleFa?: string; dateStart?: string; score: number };
type WitnessRow = { id: string; code: string; protectionLevel: string; fictional: boolean };

/** Events and proceedings are answered with titles, witnesses with codes; as suggestions they are named like the other registries. */
function toItem(kind: AutocompleteKind, raw: RegistryItem | TitledItem | WitnessRow): RegistryItem {
  if (kind === "witnesses") {
    const w = raw as WitnessRow;
    return { id: w.id, name: w.code, nameFa: "", aliases: [], score: 0, witness: { protectionLevel: w.protectionLevel, fictional: w.fictional } };
  }
  if (kind !== "events" && kind !== "proceedings") return raw as RegistryItem;
  const r = raw as TitledItem;
  return { id: r.id, name: r.title, nameFa: r.titleFa ?? "", aliases: [], score: r.score, date: r.dateStart };
}

type Props = {
  kind: AutocompleteKind;
  /** The visible label. */
  label: string;
  /** Shown after the label, quieter, as every optional field's mark is: "(optional)". */
  optionalMark?: string;
  /** Hide the label visually (it stays for screen readers), e.g. when a heading already says it. */
  hideLabel?: boolean;
  /** Name of the text input, so a surrounding form submits what was typed. */
  inputName?: string;
  /**
   * Submit the text (inputName) only while it is typed and no suggestion is chosen: once one
   * is, the hidden valueName input alone carries it. Until scripts run the text is always
   * submitted, so a form used without JavaScript still sends what was typed.
   */
  textOnlyUnchosen?: boolean;
  /** The form takes only a chosen record, never a typed name: Enter with none highlighted highlights the first suggestion. */
  requireChoice?: boolean;
  /** Name of a hidden input that carries the chosen record's id. */
  valueName?: string;
  defaultQuery?: string;
  /** A record already chosen, named in the reader's language (app/_lib/reader-name.ts), as the box names one chosen. */
  defaultValue?: { id: string; name: string };
  placeholder?: string;
  hint?: string;
  /** Choosing a suggestion navigates to hrefBase + id. */
  hrefBase?: string;
  onSelect?: (item: RegistryItem) => void;
  /** The choice dropped: the text edited after a suggestion was chosen, or cleared with Escape. */
  onClear?: () => void;
  /** Empty the box after a choice (for picking several records one after another). */
  clearOnSelect?: boolean;
  /** Records not to offer, e.g. those already chosen. */
  exclude?: readonly string[];
  limit?: number;
  /** More about a suggestion, under its name (a witness's protection level and fictional badge). */
  describe?: (item: RegistryItem) => ReactNode;
  /** Characters typed before suggestions are asked for (2; a witness code's number, 1). */
  minChars?: number;
  id?: string;
  testId?: string;
  invalid?: boolean;
  describedBy?: string;
};

const DEBOUNCE_MS = 150;
const MIN_CHARS = 2;

export function RegistryAutocomplete({
  kind,
  label,
  optionalMark,
  hideLabel = false,
  inputName,
  textOnlyUnchosen = false,
  requireChoice = false,
  valueName,
  defaultQuery = "",
  defaultValue,
  placeholder,
  hint,
  hrefBase,
  onSelect,
  onClear,
  clearOnSelect = false,
  exclude,
  limit = 8,
  minChars = MIN_CHARS,
  describe,
  id,
  testId,
  invalid,
  describedBy,
}: Props) {
  const t = useTranslations("registry.autocomplete");
  const router = useRouter();
  const auto = useId();
  const inputId = id ?? `${auto}-input`;
  const listId = `${auto}-list`;
  const hintId = `${auto}-hint`;
  const [query, setQuery] = useState(defaultValue?.name ?? defaultQuery);
  const [chosen, setChosen] = useState<string>(defaultValue?.id ?? "");
  const [items, setItems] = useState<RegistryItem[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<"idle" | "loading" | "done" | "error">("idle");
  const hydrated = useHydrated();
  // An event's date is stored as typed; it is read in the reader's calendar, as on the event's page.
  const calendar = useCalendar();
  const locale = useLocale();
  const dateLocale = locale === "fa" ? "fa" : "en";
  const abort = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const excluded = new Set(exclude ?? []);
  const shown = items.filter((i) => !excluded.has(i.id));

  useEffect(
    () => () => {
      abort.current?.abort();
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function search(q: string) {
    if (timer.current) clearTimeout(timer.current);
    abort.current?.abort();
    if (q.trim().length < minChars) {
      setItems([]);
      setOpen(false);
      setStatus("idle");
      return;
    }
    setStatus("loading");
    timer.current = setTimeout(async () => {
      const ctrl = new AbortController();
      abort.current = ctrl;
      try {
        // The witnesses list is paged (a page of matching codes); the registries take a limit.
        const size = String(limit + (exclude?.length ?? 0));
        const res = await fetch(`/api/v1/${kind}?${new URLSearchParams({ q, [kind === "witnesses" ? "pageSize" : "limit"]: size })}`, {
          signal: ctrl.signal,
          credentials: "same-origin",
          headers: { accept: "application/json" },
        });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { items: (RegistryItem | TitledItem | WitnessRow)[] };
        setItems(body.items.map((i) => toItem(kind, i)));
        setActive(-1);
        setOpen(true);
        setStatus("done");
      } catch (e) {
        if ((e as Error).name === "AbortError") return;
        setItems([]);
        setOpen(true);
        setStatus("error");
      }
    }, DEBOUNCE_MS);
  }

  function choose(item: RegistryItem) {
    setOpen(false);
    setActive(-1);
    onSelect?.(item);
    if (clearOnSelect) {
      setQuery("");
      setItems([]);
      setChosen("");
    } else {
      setQuery(readerName(item, locale));
      setChosen(item.id);
    }
    if (hrefBase) router.push(`${hrefBase}${encodeURIComponent(item.id)}`);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (!open) {
          if (shown.length) setOpen(true);
          else search(query);
          setActive(0);
        } else if (shown.length) setActive((a) => (a + 1) % shown.length);
        break;
      case "ArrowUp":
        if (!open || !shown.length) return;
        e.preventDefault();
        setActive((a) => (a <= 0 ? shown.length - 1 : a - 1));
        break;
      case "Home":
      case "End":
        if (!open || !shown.length) return;
        e.preventDefault();
        setActive(e.key === "Home" ? 0 : shown.length - 1);
        break;
      case "Enter":
        if (open && active >= 0 && shown[active]) {
          e.preventDefault();
          choose(shown[active]);
        } else if (requireChoice && !chosen && open && shown.length) {
          e.preventDefault();
          setActive(0);
        }
        break;
      case "Escape":
        if (open) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (query) {
          e.preventDefault();
          setQuery("");
          setChosen("");
          setItems([]);
          onClear?.();
        }
        break;
      case "Tab":
        setOpen(false);
        break;
    }
  }

  const expanded = open && (shown.length > 0 || status === "done" || status === "error");
  const activeId = open && active >= 0 && shown[active] ? `${listId}-${shown[active].id}` : undefined;
  const announce =
    status === "loading" ? t("searching") : status === "error" ? t("failed") : status === "done" && open ? (shown.length ? t("results", { count: shown.length }) : t("noResults")) : "";

  return (
    <div className={styles.combo} data-testid={testId}>
      <label htmlFor={inputId} className={hideLabel ? "visually-hidden" : undefined}>
        {label}
        {optionalMark && (
          <>
            {" "}
            <span className="optional">{optionalMark}</span>
          </>
        )}
      </label>
      <div className={styles.inputWrap}>
        <input
          id={inputId}
          type="text"
          name={textOnlyUnchosen && hydrated && (chosen || !query.trim()) ? undefined : inputName}
          role="combobox"
          // Typed names take their own direction; while empty, the placeholder follows the page's.
          dir={query ? "auto" : undefined}
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={invalid || undefined}
          aria-describedby={[hint ? hintId : "", describedBy ?? ""].filter(Boolean).join(" ") || undefined}
          placeholder={placeholder}
          value={query}
          maxLength={200}
          onChange={(e) => {
            setQuery(e.target.value);
            if (chosen) onClear?.();
            setChosen("");
            search(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => {
            if (shown.length && query.trim().length >= minChars && !chosen) setOpen(true);
          }}
        />
        {valueName && <input type="hidden" name={valueName} value={chosen} />}
        <ul id={listId} role="listbox" aria-label={t("suggestions", { label })} className={styles.list} hidden={!expanded}>
          {shown.map((item, i) => (
            <li
              key={item.id}
              id={`${listId}-${item.id}`}
              role="option"
              aria-selected={i === active}
              className={styles.option}
              data-testid="autocomplete-option"
              // mousedown, not click: the input must not lose focus (and close the list) first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(item);
              }}
              onMouseMove={() => setActive(i)}
            >
              <span className={styles.optionName}>
                <bdi>{item.name}</bdi>
                {item.nameFa && (
                  <span lang="fa" dir="rtl" className={styles.optionFa}>
                    {item.nameFa}
                  </span>
                )}
              </span>
              {describe && <span className={styles.optionMeta}>{describe(item)}</span>}
              {(item.aliases.length > 0 || item.city || item.date) && (
                <span className={styles.optionMeta}>
                  {item.date && <bdi dir={dateLocale === "fa" ? "rtl" : "ltr"} data-testid="autocomplete-date">{readDate(item.date, { calendar, locale: dateLocale })}</bdi>}
                  {item.city && <bdi>{item.city}</bdi>}
                  {(item.city || item.date) && item.aliases.length > 0 && " · "}
                  {/* One isolated run, so Latin spellings keep their order and commas in a right-to-left page. */}
                  {item.aliases.length > 0 && <bdi>{item.aliases.slice(0, 3).join(", ")}</bdi>}
                </span>
              )}
            </li>
          ))}
          {status === "done" && shown.length === 0 && (
            <li role="presentation" className={styles.empty}>
              {t("noResults")}
            </li>
          )}
          {status === "error" && (
            <li role="presentation" className={styles.empty}>
              {t("failed")}
            </li>
          )}
        </ul>
      </div>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <span role="status" aria-live="polite" className="visually-hidden">
        {announce}
      </span>
    </div>
  );
}
