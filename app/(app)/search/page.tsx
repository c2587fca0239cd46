import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { listPageHref, orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { clampPage } from "@/lib/paging";
import { PageLinks } from "@/app/_components/page-links";
import { fieldErrorMessage } from "@/lib/i18n/field-errors";
import type { Locale } from "@/lib/i18n/config";
import { toAppError } from "@/lib/http";
import { MAX_QUERY_CHARS, search, SEARCH_TYPES, type SearchResult, type SearchType } from "@/lib/search";
import { resolveFilterName, searchFilterOptions, type FilterOption, type RegistryFilterKind } from "@/lib/search/filter-options";
import { CUT_AFTER, CUT_BEFORE, FIELD_BREAK, snippetFields, snippetHasFields, type Part } from "@/lib/search/snippet";
import { readDate } from "@/app/(app)/_components/registry/dates";
import { getCalendar } from "@/app/_lib/calendar";
import { LANGUAGES, STATEMENT_STATUSES } from "@/lib/statements/schemas";
import { RegistryFilter } from "./_components/registry-filter";
import { SearchForm } from "./_components/search-form";
import { cleanSearchParams, searchParamEntries } from "./_lib/clean-query";
import { ClientMessages } from "@/app/_components/client-messages";
import styles from "./search.module.css";
import { bothNamesText, readerName, readsPersianTitle } from "@/app/_lib/reader-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title") };
}

const FILTERS = ["q", "type", "status", "language", "personId", "eventId", "placeId", "proceedingId", "authorId", "from", "to", "page"] as const;

// The registry filters: the id parameter the search and links use, and the text parameter the
// form sends when a name is typed rather than chosen (no scripts, or a registry too large to list).
const REGISTRY_FILTERS = [
  { kind: "persons", idParam: "personId", textParam: "personName", htmlId: "search-person", label: "search.person" },
  { kind: "events", idParam: "eventId", textParam: "eventName", htmlId: "search-event", label: "search.event" },
  { kind: "places", idParam: "placeId", textParam: "placeName", htmlId: "search-place", label: "search.place" },
  { kind: "proceedings", idParam: "proceedingId", textParam: "proceedingName", htmlId: "search-proceeding", label: "search.proceeding" },
] as const satisfies readonly { kind: RegistryFilterKind; idParam: (typeof FILTERS)[number]; textParam: string; htmlId: string; label: string }[];

const PATHS: Record<SearchType, string> = {
  statement: "/statements",
  person: "/persons",
  organisation: "/organisations",
  place: "/places",
  event: "/events",
  proceeding: "/proceedings",
  source: "/sources",
};

/** Matched words in <mark>; every piece of text stays text (React escapes it). */
function Marked({ parts }: { parts: Part[] }) {
  return (
    <>
      {parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

/**
 * A registry record's snippet: each field in its own isolate, so that its text alone sets its
 * direction, and the "…" of a window cut short outside them, at the paragraph's ends (snippetFields).
 */
function MarkedFields({ parts }: { parts: Part[] }) {
  const { cutBefore, fields, cutAfter } = snippetFields(parts);
  return (
    <>
      {cutBefore && CUT_BEFORE}
      {fields.map((field, i) => (
        <Fragment key={i}>
          {i > 0 && FIELD_BREAK}
          <bdi data-testid="search-snippet-field">
            <Marked parts={field} />
          </bdi>
        </Fragment>
      ))}
      {cutAfter && CUT_AFTER}
    </>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  // A form sent without scripts names every field, empty or not: on to the address without the empty ones.
  const cleaned = cleanSearchParams(searchParamEntries(sp));
  if (cleaned.changed) redirect(cleaned.params.size ? `/search?${cleaned.params}` : "/search");
  // Only the filters this page offers are passed on; empty ones are left out.
  const query = Object.fromEntries(FILTERS.map((k) => [k, param(sp[k])?.trim()]).filter(([, v]) => v)) as Record<(typeof FILTERS)[number], string | undefined>;
  const self = `/search?${new URLSearchParams(query as Record<string, string>).toString()}`;
  const actor = await requirePageActor(self);
  const [t, locale, calendar] = await Promise.all([getTranslations(), getLocale(), getCalendar()]);
  const fa = locale === "fa";
  const label = (o: FilterOption) => readerName(o, locale);
  const eventLabel = (o: FilterOption) => (o.date ? `${label(o)} (${readDate(o.date, { calendar, locale: fa ? "fa" : "en" })})` : label(o));

  let errors: Record<string, string[]> = {};
  // Names typed into a filter's text field: each becomes its record's id. When every one names
  // a single record the page moves to the address with the ids alone (what a chosen suggestion
  // or a link gives); otherwise it says which name found nothing or offers the records it found.
  const typed: Partial<Record<RegistryFilterKind, string>> = {};
  const candidates: Partial<Record<RegistryFilterKind, { options: FilterOption[]; more: boolean }>> = {};
  // (A field sent empty never gets here: the redirect above dropped it, with the id it cleared.)
  const texts = REGISTRY_FILTERS.map((f) => ({ ...f, text: param(sp[f.textParam])?.trim() })).filter((f) => f.text);
  if (texts.length) {
    for (const f of texts) {
      // No name is longer; the text is shown back in the message and the field.
      const text = (f.text ?? "").slice(0, 200);
      const found = await orHttpError(resolveFilterName({ actor, kind: f.kind, text, currentId: query[f.idParam] }));
      if (found.status === "one") query[f.idParam] = found.option.id;
      else {
        delete query[f.idParam];
        typed[f.kind] = text;
        const message = found.status === "none" ? t("search.filterNone", { text }) : t("search.filterSeveral", { text });
        errors[f.idParam] = [message];
        if (found.status === "several") candidates[f.kind] = { options: found.options, more: found.more };
      }
    }
    if (!Object.keys(typed).length) redirect(`/search?${new URLSearchParams(query as Record<string, string>).toString()}`);
  }
  const options = await orHttpError(searchFilterOptions({ actor, chosen: Object.fromEntries(REGISTRY_FILTERS.map((f) => [f.kind, query[f.idParam]])), locale }));

  const filtered = Object.entries(query).some(([k, v]) => k !== "q" && k !== "page" && typeof v === "string" && v.trim() !== "");
  let result: SearchResult | null = null;
  if (query.q && !Object.keys(typed).length) {
    // A search the search refuses is shown with its field errors, before orHttpError (which
    // answers any other refusal with its 404 or 403 page) sees it.
    result = await orHttpError(
      search({ actor, query, persianTitles: fa }).catch((e) => {
        const app = toAppError(e);
        if (app?.code !== "INVALID_INPUT") throw e;
        errors = Object.fromEntries(Object.entries(app.fields ?? { _: [app.message] }).map(([k, v]) => [k, v.map((m) => fieldErrorMessage(m, locale as Locale))]));
        return null;
      }),
    );
  }
  // A page past the last (a search bookmarked before its results shrank, an address edited by
  // hand) goes to the last, as the other lists take it, instead of "nothing found" under a count.
  const { page: shown, pages } = result ? clampPage(result.page, result.total, result.pageSize) : { page: 1, pages: 1 };
  // Another page of the same search: q and every filter kept, the page changed (none for the first).
  const href = listPageHref("/search", { ...query, page: undefined });
  if (result && shown !== result.page) redirect(href(shown));
  // A record offered for a typed name: the same search with that record's id in the filter.
  const withFilter = (idParam: string, id: string) => `/search?${new URLSearchParams({ ...(query as Record<string, string>), [idParam]: id }).toString()}`;
  const err = (k: string) =>
    errors[k] && (
      <p className="field-error" id={`search-${k}-error`}>
        {errors[k].join(" ")}
      </p>
    );

  return (
    <>
      <div className="page-head">
        <h1>{t("search.title")}</h1>
      </div>
      <p className="lead">{t("search.intro")}</p>

      {/* The filters' search-as-you-type boxes (registry-filter.tsx) are client components with their own text. */}
      <ClientMessages namespaces={["registry.autocomplete"]}>
      <SearchForm>
        <div className={styles.query}>
          <div className="field">
            <label htmlFor="search-q">{t("search.query")}</label>
            <input
              id="search-q"
              type="search"
              name="q"
              dir="auto"
              defaultValue={query.q ?? ""}
              maxLength={MAX_QUERY_CHARS}
              placeholder={t("search.placeholder")}
              aria-invalid={errors.q ? true : undefined}
              aria-describedby={errors.q ? "search-q-error" : undefined}
              data-testid="search-q"
            />
            {err("q")}
          </div>
          <button type="submit" className="button primary" data-testid="search-submit">
            {t("search.submit")}
          </button>
        </div>
        <details open={FILTERS.some((k) => k !== "q" && k !== "page" && query[k]) || Object.keys(typed).length > 0 || undefined}>
          <summary>{t("search.filters")}</summary>
          <div className="filters">
            <div className="field">
              <label htmlFor="search-type">{t("search.type")}</label>
              <select id="search-type" name="type" defaultValue={query.type ?? ""}>
                <option value="">{t("search.allTypes")}</option>
                {SEARCH_TYPES.map((x) => (
                  <option key={x} value={x}>
                    {t(`search.types.${x}`)}
                  </option>
                ))}
              </select>
              {err("type")}
            </div>
            <div className="field">
              <label htmlFor="search-status">{t("statements.status")}</label>
              <select id="search-status" name="status" defaultValue={query.status ?? ""}>
                <option value="">{t("search.any")}</option>
                {STATEMENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`statuses.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="search-language">{t("statements.language")}</label>
              <select id="search-language" name="language" defaultValue={query.language ?? ""}>
                <option value="">{t("search.any")}</option>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`languages.${l}`)}
                  </option>
                ))}
              </select>
            </div>
            {REGISTRY_FILTERS.map((f) => {
              const filter = options[f.kind];
              // A proceeding is listed by both its titles, the reader's first, as the searchable box lists it.
              const text = (o: FilterOption) => (f.kind === "events" ? eventLabel(o) : f.kind === "proceedings" ? bothNamesText(o, locale) : label(o));
              return (
                <div key={f.idParam}>
                  <RegistryFilter
                    kind={f.kind}
                    label={t(f.label)}
                    id={f.htmlId}
                    testId={f.htmlId}
                    valueName={f.idParam}
                    textName={f.textParam}
                    anyLabel={t("search.any")}
                    placeholder={t("search.filterHint")}
                    choices={filter.choices && filter.choices.map((o) => ({ id: o.id, text: text(o) }))}
                    chosen={filter.chosen && { id: filter.chosen.id, name: label(filter.chosen) }}
                    currentId={query[f.idParam]}
                    typed={typed[f.kind]}
                    searchable={options.searchable}
                    invalid={!!errors[f.idParam]}
                    describedBy={errors[f.idParam] ? `search-${f.idParam}-error` : undefined}
                  />
                  {err(f.idParam)}
                  {candidates[f.kind] && (
                    <>
                      <ul className={styles.candidates} data-testid={`${f.htmlId}-candidates`}>
                        {candidates[f.kind]!.options.map((o) => (
                          <li key={o.id}>
                            <Link href={withFilter(f.idParam, o.id)}>
                              <bdi>{text(o)}</bdi>
                            </Link>
                          </li>
                        ))}
                      </ul>
                      {candidates[f.kind]!.more && <p className="hint">{t("search.filterMore", { count: candidates[f.kind]!.options.length })}</p>}
                    </>
                  )}
                </div>
              );
            })}
            <div className="field">
              <label htmlFor="search-author">{t("search.author")}</label>
              <select id="search-author" name="authorId" defaultValue={query.authorId ?? ""} aria-invalid={errors.authorId ? true : undefined} data-testid="search-author">
                <option value="">{t("search.any")}</option>
                {/* A filter from a link whose author is not listed stays visible and can be cleared. */}
                {query.authorId && !options.authors.some((c) => c.id === query.authorId) && <option value={query.authorId}>{query.authorId}</option>}
                {options.authors.map((o) => (
                  <option key={o.id} value={o.id}>
                    {label(o)}
                  </option>
                ))}
              </select>
              {err("authorId")}
            </div>
            <div className="field">
              <label htmlFor="search-from">{t("search.from")}</label>
              <input id="search-from" type="text" name="from" dir="auto" defaultValue={query.from ?? ""} placeholder={t("search.datePlaceholder")} aria-invalid={errors.from ? true : undefined} />
              {err("from")}
            </div>
            <div className="field">
              <label htmlFor="search-to">{t("search.to")}</label>
              <input id="search-to" type="text" name="to" dir="auto" defaultValue={query.to ?? ""} placeholder={t("search.datePlaceholder")} aria-invalid={errors.to ? true : undefined} />
              {err("to")}
            </div>
            <div className="filter-actions">
              <button type="submit" className="button">
                {t("statements.applyFilters")}
              </button>
              {(query.q || filtered) && <Link href={query.q ? `/search?q=${encodeURIComponent(query.q)}` : "/search"}>{t("statements.clearFilters")}</Link>}
            </div>
          </div>
        </details>
        {err("_")}
      </SearchForm>
      </ClientMessages>

      {/* Filters without words search nothing: say so, rather than show an empty page. */}
      {!query.q && filtered && (
        <p className="note" role="status" data-testid="search-needs-words">
          {t("search.needsWords")}
        </p>
      )}

      {result && (
        <>
          <p className="muted" data-testid="search-count" role="status">
            {result.totalAtLeast ? t("search.totalMore", { total: result.total }) : t("search.total", { total: result.total })}
          </p>
          {/* Why results name other spellings: the persons and places the query named (their spellings and linked statements were searched), and the organisations (their spellings). */}
          {[
            { testId: "search-persons", label: t("search.alsoSpellings"), records: [...result.persons.map((p) => ({ ...p, href: `/persons/${p.id}` })), ...result.places.map((p) => ({ ...p, href: `/places/${p.id}` }))] },
            { testId: "search-organisations", label: t("search.alsoOrganisations"), records: result.organisations.map((o) => ({ ...o, href: `/organisations/${o.id}` })) },
          ].map(
            ({ testId, label, records }) =>
              records.length > 0 && (
                <p key={testId} className={`${styles.persons} muted`} data-testid={testId}>
                  {label}{" "}
                  {records.map((r, i) => (
                    <span key={r.href}>
                      {i > 0 && (locale === "fa" ? "، " : ", ")}
                      <Link href={r.href}>
                        <bdi>{readerName(r, locale)}</bdi>
                      </Link>
                    </span>
                  ))}
                </p>
              ),
          )}
          {result.items.length === 0 ? (
            <p className="empty">{t("search.empty")}</p>
          ) : (
            <ol className={styles.results} data-testid="search-results">
              {result.items.map((r) => {
                // A record with a Persian name is headed by it on a Persian page, its Latin spelling after it.
                const persian = readsPersianTitle(r, locale);
                const fields = snippetHasFields(r.type);
                return (
                <li key={`${r.type}:${r.id}`} className={styles.result} data-testid="search-result" data-type={r.type} data-id={r.id}>
                  <div className={styles.resultHead}>
                    <span className={styles.kind}>{t(`search.types.${r.type}`)}</span>
                    <Link href={`${PATHS[r.type]}/${r.id}`} className={styles.resultTitle} data-testid="search-result-link">
                      <bdi lang={persian ? "fa" : undefined}>
                        <Marked parts={persian ? r.titleFaParts : r.titleParts} />
                      </bdi>
                    </Link>
                    {persian && (
                      <bdi dir="ltr" className={`${styles.resultLatin} muted`} data-testid="search-result-latin">
                        <Marked parts={r.titleParts} />
                      </bdi>
                    )}
                  </div>
                  {r.parts.length > 0 && (
                    // A registry record's fields, in both scripts and each isolated, run in the page's direction.
                    <p className={styles.snippet} dir={fields ? undefined : r.dir} lang={fields ? undefined : (r.language ?? undefined)} data-testid="search-snippet">
                      {fields ? <MarkedFields parts={r.parts} /> : <Marked parts={r.parts} />}
                    </p>
                  )}
                </li>
                );
              })}
            </ol>
          )}
          {pages > 1 && <PageLinks page={result.page} pages={pages} href={href} label={t("common.pagination")} testId="search-pager" t={t} />}
        </>
      )}
    </>
  );
}
