"use client";

import { useLocale } from "next-intl";
import { useTranslations } from "@/lib/i18n/use-translations";
import { useEffect, useRef, useState } from "react";
import type { Quote, QuotePages } from "@/lib/corroboration";
import styles from "./graph.module.css";
import { PageLinks } from "@/app/_components/page-links";
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

/** A page of a group's quotes, as GET /api/v1/persons/{id}/allegations/quotes answers it. */
export type QuotesPage = { quotes: Quote[]; pages: QuotePages };
type State = { kind: "closed" } | { kind: "loading" } | { kind: "failed"; page: number } | { kind: "loaded"; quotes: Quote[]; pages: QuotePages };

/**
 * One allegation group's quotes on the person page, behind a closed <details>: the page renders
 * only the summary (how many quotes); opening it (mouse or keyboard) loads the group's quotes from
 * /api/v1/persons/{id}/allegations/quotes, which leaves out what the reader may not see exactly
 * as the counts do. While loading it says so; if the request fails it says so and offers a retry.
 * A group can hold thousands of quotes: they come a page at a time (lib's PERSON_QUOTES_PER_PAGE),
 * with first/previous/next/last links; a page chosen moves the focus to what it shows.
 *
 * Without scripts the same links work as addresses: the person page (quotesEvent, quotesType,
 * quotesPage) renders that group open with that page of its quotes (`initial`), and a closed
 * group offers a link to its first page.
 */
export function AllegationQuotes({
  personId,
  eventId,
  allegationType,
  count,
  allegationsPage,
  initial,
}: {
  personId: string;
  eventId: string | null;
  allegationType: string;
  count: number;
  /** The page of the person's events this group is on, kept in the quotes' addresses. */
  allegationsPage: number;
  initial?: QuotesPage;
}) {
  const t = useTranslations("allegations");
  const tAll = useTranslations();
  const locale = useLocale();
  const showing = useRef<HTMLParagraphElement>(null);
  const moved = useRef(false);
  const [state, setState] = useState<State>(initial ? { kind: "loaded", ...initial } : { kind: "closed" });
  const event = eventId ?? "none";
  const href = (page: number) => {
    const q = new URLSearchParams({ ...(allegationsPage > 1 ? { allegationsPage: String(allegationsPage) } : {}), quotesEvent: event, quotesType: allegationType, ...(page > 1 ? { quotesPage: String(page) } : {}) });
    return `/persons/${encodeURIComponent(personId)}?${q}#quotes-${event}-${allegationType}`;
  };
  const details = useRef<HTMLDetailsElement>(null);
  const busy = useRef(false);

  async function load(page = 1) {
    if (busy.current) return;
    busy.current = true;
    setState({ kind: "loading" });
    try {
      const query = new URLSearchParams({ type: allegationType, event, page: String(page) });
      const res = await fetch(`/api/v1/persons/${encodeURIComponent(personId)}/allegations/quotes?${query}`, { headers: { accept: "application/json" }, cache: "no-store" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as { quotes: Quote[]; pages: QuotePages };
      setState({ kind: "loaded", quotes: body.quotes, pages: body.pages });
    } catch {
      setState({ kind: "failed", page });
    } finally {
      busy.current = false;
    }
  }

  // Another page chosen: its button may be gone (the last page has no "next"), so the focus goes to what is shown.
  useEffect(() => {
    if (state.kind === "loaded" && moved.current) {
      moved.current = false;
      showing.current?.focus();
    }
  }, [state]);

  // Opened before the page finished hydrating: the toggle event was missed, so load now.
  useEffect(() => {
    if (details.current?.open && !initial) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on mount
  }, []);

  return (
    <details
      ref={details}
      open={initial ? true : undefined}
      className={styles.details}
      data-testid="allegation-details"
      onToggle={(e) => {
        if (e.currentTarget.open && (state.kind === "closed" || state.kind === "failed")) void load();
      }}
    >
      <summary>{summary(t, locale, count)}</summary>
      {state.kind === "closed" && (
        <noscript>
          <a href={href(1)} data-testid="allegation-quotes-show">
            {t("quotesShow")}
          </a>
        </noscript>
      )}
      {state.kind === "loading" && (
        <p className="muted" role="status" data-testid="allegation-quotes-loading">
          {t("quotesLoading")}
        </p>
      )}
      {state.kind === "failed" && (
        <div className="banner banner-error" role="alert" data-testid="allegation-quotes-error">
          {t("quotesError")}{" "}
          <button type="button" className="button" onClick={() => void load(state.page)} data-testid="allegation-quotes-retry">
            {t("quotesRetry")}
          </button>
        </div>
      )}
      {state.kind === "loaded" && state.pages.pages > 1 && (
        <p ref={showing} tabIndex={-1} className="muted" data-testid="allegation-quotes-showing" data-quotes-total={state.pages.quotes}>
          {t("quotesShowing", { from: (state.pages.page - 1) * state.pages.perPage + 1, to: (state.pages.page - 1) * state.pages.perPage + state.quotes.length, quotes: state.pages.quotes })}
        </p>
      )}
      {state.kind === "loaded" && <QuoteList quotes={state.quotes} />}
      {state.kind === "loaded" && state.pages.pages > 1 && (
        <PageLinks
          page={state.pages.page}
          pages={state.pages.pages}
          href={href}
          onPage={(n) => {
            moved.current = true;
            void load(n);
          }}
          label={t("quotesPagerLabel")}
          testId="allegation-quotes-pager"
          t={tAll}
        />
      )}
    </details>
  );
}
