"use client";

import { useLocale } from "next-intl";
import { useTranslations } from "@/lib/i18n/use-translations";
import { useEffect, useRef, useState } from "react";
import type { Quote } from "@/lib/corroboration";
import styles from "./graph.module.css";
import { QuoteList } from "./quote-list";

// The summary ("3 quotes") repeats with the same few numbers down a person page: each is
// formatted once per locale and number, then reused.
const summaries = new Map<string, string>();
function summary(t: ReturnType<typeof useTranslations<"allegations">>, locale: string, count: number): string {
  const k = `${locale}|${count}`;
  let s = summaries.get(k);
  if (s === undefined) {
    s = t("quotes", { count });
    if (summaries.size >= 2000) summaries.clear();
    summaries.set(k, s);
  }
  return s;
}

type State = { kind: "closed" } | { kind: "loading" } | { kind: "failed" } | { kind: "loaded"; quotes: Quote[] };

/**
 * One allegation group's quotes on the person page, behind a closed <details>: the page renders
 * only the summary (how many quotes); opening it (mouse or keyboard) loads the group's quotes from
 * /api/v1/persons/{id}/allegations/quotes, which leaves out what the reader may not see exactly
 * as the counts do. While loading it says so; if the request fails it says so and offers a retry.
 */
export function AllegationQuotes({ personId, eventId, allegationType, count }: { personId: string; eventId: string | null; allegationType: string; count: number }) {
  const t = useTranslations("allegations");
  const locale = useLocale();
  const [state, setState] = useState<State>({ kind: "closed" });
  const details = useRef<HTMLDetailsElement>(null);
  const busy = useRef(false);

  async function load() {
    if (busy.current) return;
    busy.current = true;
    setState({ kind: "loading" });
    try {
      const query = new URLSearchParams({ type: allegationType, event: eventId ?? "none" });
      const res = await fetch(`/api/v1/persons/${encodeURIComponent(personId)}/allegations/quotes?${query}`, { headers: { accept: "application/json" }, cache: "no-store" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as { quotes: Quote[] };
      setState({ kind: "loaded", quotes: body.quotes });
    } catch {
      setState({ kind: "failed" });
    } finally {
      busy.current = false;
    }
  }

  // Opened before the page finished hydrating: the toggle event was missed, so load now.
  useEffect(() => {
    if (details.current?.open) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on mount
  }, []);

  return (
    <details
      ref={details}
      className={styles.details}
      data-testid="allegation-details"
      onToggle={(e) => {
        if (e.currentTarget.open && (state.kind === "closed" || state.kind === "failed")) void load();
      }}
    >
      <summary>{summary(t, locale, count)}</summary>
      {state.kind === "loading" && (
        <p className="muted" role="status" data-testid="allegation-quotes-loading">
          {t("quotesLoading")}
        </p>
      )}
      {state.kind === "failed" && (
        <div className="banner banner-error" role="alert" data-testid="allegation-quotes-error">
          {t("quotesError")}{" "}
          <button type="button" className="button" onClick={() => void load()} data-testid="allegation-quotes-retry">
            {t("quotesRetry")}
          </button>
        </div>
      )}
      {state.kind === "loaded" && <QuoteList quotes={state.quotes} />}
    </details>
  );
}
