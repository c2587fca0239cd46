"use client";

import { useActionState, useEffect, useId, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useLocale } from "next-intl";
import { useTranslations } from "@/lib/i18n/use-translations";
import { useHydrated } from "@/app/_lib/use-hydrated";
import { FormBanner, SubmitButton, useUnsavedGuard } from "@/app/_components/form-bits";
import { RegistryAutocomplete } from "@/app/_components/registry-autocomplete";
import { readerName, readerTitle } from "@/app/_lib/reader-name";
import { initialFormState, type FormAction, type FormState } from "@/app/_lib/form-state";
import { findPassage, foldForLookup, passageStarts } from "@/lib/links/find-passage";
import { ALLEGATION_TYPES, LINK_ROLES, type LinkOut } from "@/lib/links/schemas";
import type { Suggestion } from "@/lib/links/suggest";
import styles from "./links.module.css";
import { passageStore, usePassageStore, type Passage } from "./passage-store";

type Saved = FormAction<{ id: string }>;
/**
 * A link as the panel shows it. StatementLinks (a server component) binds the link's actions to
 * the statement and the link: `remove` (deleteLinkAction) when the reader may edit the link, and
 * `repoint` (repointLinkAction) when they may and it needs its passage chosen again.
 */
type PanelLink = LinkOut & { remove?: Saved; repoint?: Saved };
type Option = { id: string; label: string };

/** `create` is createLinkAction bound to the statement by StatementLinks; null when the reader may not link. */
export function LinksPanel({
  create,
  statementId,
  revisionNumber,
  language,
  links,
  proceedings,
}: {
  create: Saved | null;
  statementId: string;
  revisionNumber: number;
  language: string;
  links: PanelLink[];
  proceedings: Option[];
}) {
  const { fixing } = usePassageStore();
  const fixingLink = fixing ? links.find((l) => l.id === fixing && l.repoint) : undefined;
  // The store outlives client-side navigation: what was selected here stays here.
  useEffect(() => () => passageStore.reset(), [statementId]);
  return (
    <div className={styles.panel}>
      {create &&
        (fixingLink ? (
          <FixForm key={fixingLink.id} repoint={fixingLink.repoint!} statementId={statementId} revisionNumber={revisionNumber} language={language} link={fixingLink} />
        ) : (
          <LinkForm create={create} statementId={statementId} revisionNumber={revisionNumber} language={language} proceedings={proceedings} />
        ))}
      {create && <Suggestions statementId={statementId} revisionNumber={revisionNumber} language={language} linksKey={links.map((l) => l.id).join(",")} />}
      <LinkList revisionNumber={revisionNumber} language={language} links={links} />
    </div>
  );
}

/**
 * The selected passage as the form shows it, with the hidden fields that carry it. Besides
 * selecting in the text, the reader may type the passage's words: found once in the text, they
 * become the passage. That is the way to link with the keyboard alone, where text that cannot be
 * edited cannot be selected. The words are looked for as search reads them (ي and ی, ك and ک
 * alike: lib/links/find-passage.ts), and the passage is the text's own words there.
 */
function PassageBox({ passage, statementId, revisionNumber, language, errors }: { passage: Passage | null; statementId: string; revisionNumber: number; language: string; errors?: string[] }) {
  const t = useTranslations("links");
  const id = useId();
  const { source } = usePassageStore();
  const [words, setWords] = useState("");
  const text = source && source.statementId === statementId && source.revision === revisionNumber ? source.text : null;
  const folded = useMemo(() => (text === null ? null : foldForLookup(text)), [text]);
  const needle = words.trim();
  const hits = text !== null && folded !== null && needle ? passageStarts(folded, needle) : [];
  const find = (value: string) => {
    setWords(value);
    const found = text !== null && folded !== null ? findPassage(text, value, folded) : null;
    passageStore.select(found ? { statementId, ...found, revision: revisionNumber } : null);
  };
  return (
    <div className={styles.passage} data-testid="link-passage" aria-live="polite">
      <div className={styles.passageHead}>
        <span className={styles.passageLabel}>{t("selected")}</span>
        {passage && (
          <button type="button" className="button small" onClick={() => passageStore.select(null)} data-testid="link-passage-clear">
            {t("clearSelection")}
          </button>
        )}
      </div>
      {passage ? (
        <>
          <blockquote dir="auto" lang={language} className={styles.quote} data-testid="link-passage-quote">
            {passage.quote}
          </blockquote>
          <p className="hint">{t("selectedRange", { n: passage.revision, start: passage.start, end: passage.end })}</p>
          <input type="hidden" name="revisionNumber" value={passage.revision} />
          <input type="hidden" name="startOffset" value={passage.start} />
          <input type="hidden" name="endOffset" value={passage.end} />
          <input type="hidden" name="quote" value={passage.quote} />
        </>
      ) : (
        <p className={styles.noPassage}>{t("noSelection")}</p>
      )}
      {text !== null && (
        <div className={styles.passageFind}>
          <label htmlFor={`${id}-find`}>{t("orType")}</label>
          <input id={`${id}-find`} type="text" dir="auto" lang={language} value={words} onChange={(e) => find(e.target.value)} aria-describedby={`${id}-find-status`} data-testid="link-passage-find" />
          <span id={`${id}-find-status`} className="hint" data-testid="link-passage-find-status">
            {!needle ? "" : hits.length === 0 ? t("notFound") : hits.length > 1 ? t("foundMany", { n: hits.length }) : ""}
          </span>
        </div>
      )}
      {errors?.length ? (
        <p className="field-error" data-testid="field-error-passage">
          {[...new Set(errors)].join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The server's errors about the passage, while they still apply: they are about the passage the
 * form was sent with (its hidden fields, given back in the state's values; none when nothing was
 * selected), so once another passage is picked they are no longer shown.
 */
function passageErrors(state: FormState<{ id: string }>, current: Passage | null, missingMessage: string): string[] | undefined {
  const fields = state.fieldErrors;
  if (!fields) return undefined;
  const list = ["revisionNumber", "startOffset", "endOffset", "quote"].flatMap((k) => fields[k] ?? []);
  if (!list.length) return undefined;
  // Without a selection the server's per-field messages say little; one sentence says it all.
  if (!current) return [missingMessage];
  const sent = state.values.startOffset === undefined ? null : [state.values.revisionNumber, state.values.startOffset, state.values.endOffset].join(":");
  return sent === [current.revision, current.start, current.end].join(":") ? list : undefined;
}

function LinkForm({ create, statementId, revisionNumber, language, proceedings }: { create: Saved; statementId: string; revisionNumber: number; language: string; proceedings: Option[] }) {
  const t = useTranslations("links");
  const tc = useTranslations("common");
  const { passage, prefill } = usePassageStore();
  const locale = useLocale();
  const [state, action] = useActionState(create, initialFormState<{ id: string }>());
  const [person, setPerson] = useState<{ id: string; name: string } | undefined>();
  const [place, setPlace] = useState<{ id: string; name: string } | undefined>();
  const [event, setEvent] = useState<{ id: string; name: string } | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const guard = useUnsavedGuard(state);
  const current = passage && passage.statementId === statementId && passage.revision === revisionNumber ? passage : null;

  // A suggestion taken: its person or place, and a note for an organisation. Set while rendering,
  // not in an effect: the boxes the suggestion remounts (their key has its key) read their
  // defaultValue once, when they mount, and would otherwise keep the previous choice.
  const [taken, setTaken] = useState<typeof prefill>(null);
  if (prefill !== taken) {
    setTaken(prefill);
    if (prefill?.person) setPerson(prefill.person);
    if (prefill?.place) setPlace(prefill.place);
  }
  useEffect(() => {
    if (!prefill) return;
    formRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
    formRef.current?.querySelector<HTMLElement>(prefill.person ? "select[name=role]" : "input[role=combobox]")?.focus({ preventScroll: true });
  }, [prefill]);

  // Saved: start afresh. Cleared while rendering, not in an effect: the boxes remount with the
  // answer (their key has its seq) and read their defaultValue once, so an effect would come too
  // late and leave the last link's person in the box, ready to be credited with the next passage.
  const [fresh, setFresh] = useState(0);
  if (state.ok && state.seq !== fresh) {
    setFresh(state.seq);
    setPerson(undefined);
    setPlace(undefined);
    setEvent(undefined);
  }
  // Refused: what was chosen stays.
  useEffect(() => {
    if (state.ok) {
      passageStore.reset();
    } else if (state.seq > 0) {
      formRef.current?.querySelector<HTMLElement>("[aria-invalid='true'], .banner")?.focus();
    }
  }, [state.seq, state.ok]);

  const v = (name: string, fallback = "") => (state.ok ? fallback : (state.values[name] ?? fallback));
  const err = (name: string) => state.fieldErrors?.[name];
  const fieldError = (name: string) =>
    err(name)?.length ? (
      <p className="field-error" id={`link-${name}-error`} data-testid={`field-error-${name}`}>
        {err(name)!.join(" ")}
      </p>
    ) : null;
  const invalid = (name: string) => (err(name)?.length ? { "aria-invalid": true as const, "aria-describedby": `link-${name}-error` } : {});
  const remount = `${state.seq}-${prefill?.key ?? ""}`;

  return (
    <div className={styles.formWrap}>
      <h3>{t("newHeading")}</h3>
      <p className="hint">{t("selectHint")}</p>
      <form key={state.seq} ref={formRef} action={action} className={`form ${styles.form}`} data-testid="link-form" noValidate {...guard}>
        <FormBanner state={state} success={t("saved")} />
        <PassageBox passage={current} statementId={statementId} revisionNumber={revisionNumber} language={language} errors={passageErrors(state, current, t("passageMissing"))} />
        <div className="field-row">
          <div className="field">
            <RegistryAutocomplete
              key={`person-${remount}`}
              kind="persons"
              label={t("person")}
              valueName="personId"
              requireChoice
              // The name as typed travels with the form, so a refused form gives it back when no
              // suggestion was chosen; a choice the reader typed over is dropped, never restored.
              inputName="personText"
              defaultValue={person}
              defaultQuery={state.ok ? "" : v("personText")}
              onSelect={(p) => setPerson({ id: p.id, name: readerName(p, locale) })}
              onClear={() => setPerson(undefined)}
              hint={t("personHint")}
              testId="link-person"
              invalid={!!err("personId")?.length}
              describedBy={err("personId")?.length ? "link-personId-error" : undefined}
            />
            {/* A name typed but not chosen from the suggestions: say that, not that the field is empty. */}
            {err("personId")?.length && v("personText").trim() ? (
              <p className="field-error" id="link-personId-error" data-testid="field-error-personId">
                {t("personNotChosen")}
              </p>
            ) : (
              fieldError("personId")
            )}
          </div>
          <div className="field">
            <label htmlFor="link-role">{t("role")}</label>
            <select id="link-role" name="role" defaultValue={v("role")} required data-testid="link-role" {...invalid("role")}>
              <option value="">{t("choose")}</option>
              {LINK_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
            {fieldError("role")}
          </div>
          <div className="field">
            <label htmlFor="link-allegationType">{t("allegationType")}</label>
            <select id="link-allegationType" name="allegationType" defaultValue={v("allegationType")} required data-testid="link-allegation" {...invalid("allegationType")}>
              <option value="">{t("choose")}</option>
              {ALLEGATION_TYPES.map((a) => (
                <option key={a} value={a}>
                  {t(`allegationTypes.${a}`)}
                </option>
              ))}
            </select>
            {fieldError("allegationType")}
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            {/* Searched as typed, in any spelling or script, with each event's date in the reader's
                calendar, instead of a list of every event in the archive. */}
            <RegistryAutocomplete
              key={`event-${remount}`}
              kind="events"
              label={t("event")}
              optionalMark={tc("optional")}
              valueName="eventId"
              defaultValue={event}
              onSelect={(e) => setEvent({ id: e.id, name: readerName(e, locale) })}
              onClear={() => setEvent(undefined)}
              hint={t("eventHint")}
              testId="link-event"
              invalid={!!err("eventId")?.length}
              describedBy={err("eventId")?.length ? "link-eventId-error" : undefined}
            />
            {fieldError("eventId")}
          </div>
          <div className="field">
            <RegistryAutocomplete
              key={`place-${remount}`}
              kind="places"
              label={t("place")}
              optionalMark={tc("optional")}
              valueName="placeId"
              defaultValue={place}
              onSelect={(p) => setPlace({ id: p.id, name: readerName(p, locale) })}
              onClear={() => setPlace(undefined)}
              hint={t("placeHint")}
              testId="link-place"
              invalid={!!err("placeId")?.length}
            />
            {fieldError("placeId")}
          </div>
          <div className="field field-wide">
            <label htmlFor="link-proceedingId">
              {t("proceeding")} <span className="optional">{tc("optional")}</span>
            </label>
            <select id="link-proceedingId" name="proceedingId" defaultValue={v("proceedingId")} data-testid="link-proceeding" {...invalid("proceedingId")}>
              <option value="">{t("noneOption")}</option>
              {proceedings.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
            {fieldError("proceedingId")}
          </div>
        </div>
        <div className="field">
          <label htmlFor="link-note">
            {t("note")} <span className="optional">{tc("optional")}</span>
          </label>
          <textarea
            key={`note-${remount}`}
            id="link-note"
            name="note"
            rows={2}
            dir="auto"
            maxLength={2000}
            defaultValue={prefill?.note ?? v("note")}
            data-testid="link-note"
            {...invalid("note")}
          />
          {fieldError("note")}
        </div>
        <div className="actions">
          <SubmitButton testId="link-submit">{t("save")}</SubmitButton>
        </div>
      </form>
    </div>
  );
}

function FixForm({ repoint, statementId, revisionNumber, language, link }: { repoint: Saved; statementId: string; revisionNumber: number; language: string; link: PanelLink }) {
  const t = useTranslations("links");
  const { passage } = usePassageStore();
  const [state, action] = useActionState(repoint, initialFormState<{ id: string }>());
  const ref = useRef<HTMLDivElement>(null);
  const current = passage && passage.statementId === statementId && passage.revision === revisionNumber ? passage : null;
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, []);
  useEffect(() => {
    if (state.ok) passageStore.fix(null);
  }, [state.ok]);
  return (
    <div ref={ref} className={`${styles.formWrap} ${styles.fixing}`} data-testid="link-fix-form">
      <h3>{t("fixHeading")}</h3>
      <p className="hint">{t("fixIntro")}</p>
      <p className={styles.oldQuoteLabel}>{t("fixOld", { n: link.revisionNumber })}</p>
      <blockquote dir="auto" lang={language} className={`${styles.quote} ${styles.oldQuote}`}>
        {link.quote}
      </blockquote>
      <form action={action} className={`form ${styles.form}`} noValidate>
        <FormBanner state={state} />
        <PassageBox passage={current} statementId={statementId} revisionNumber={revisionNumber} language={language} errors={passageErrors(state, current, t("passageMissing"))} />
        <div className="actions">
          <SubmitButton testId="link-fix-submit">{t("fixSave")}</SubmitButton>
          <button type="button" className="button" onClick={() => passageStore.fix(null)}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </div>
  );
}

const dismissKey = (statementId: string) => `casefile:dismissed-suggestions:${statementId}`;
const suggestionKey = (s: Suggestion, revision: number) => `${revision}:${s.kind}:${s.id}:${s.startOffset}:${s.endOffset}`;

type Found = { items: Suggestion[]; alreadyLinked: number };

/** Loaded after the page is shown, and again when the links change (a linked passage is no longer suggested). */
function useSuggestions(statementId: string, revisionNumber: number, linksKey: string): Found | "loading" | "failed" {
  const [state, setState] = useState<Found | "loading" | "failed">("loading");
  useEffect(() => {
    let live = true;
    fetch(`/api/v1/statements/${encodeURIComponent(statementId)}/link-suggestions`, { headers: { accept: "application/json" } })
      .then((r) => (r.ok ? (r.json() as Promise<{ revisionNumber: number; items: Suggestion[]; alreadyLinked: number }>) : Promise.reject(new Error(String(r.status)))))
      // Made for another revision (the statement was edited meanwhile): its offsets do not fit this text.
      .then((d) => live && setState(d.revisionNumber === revisionNumber ? { items: d.items, alreadyLinked: d.alreadyLinked } : { items: [], alreadyLinked: 0 }))
      .catch(() => live && setState("failed"));
    return () => {
      live = false;
    };
  }, [statementId, revisionNumber, linksKey]);
  return state;
}

function Suggestions({ statementId, revisionNumber, language, linksKey }: { statementId: string; revisionNumber: number; language: string; linksKey: string }) {
  const t = useTranslations("links");
  const locale = useLocale();
  const loaded = useSuggestions(statementId, revisionNumber, linksKey);
  const suggestions = typeof loaded === "object" ? loaded.items : [];
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  useEffect(() => {
    try {
      setDismissed(new Set(JSON.parse(localStorage.getItem(dismissKey(statementId)) ?? "[]") as string[]));
    } catch {
      setDismissed(new Set());
    }
  }, [statementId]);
  const dismiss = (key: string) => {
    const next = new Set(dismissed).add(key);
    setDismissed(next);
    try {
      localStorage.setItem(dismissKey(statementId), JSON.stringify([...next]));
    } catch {
      // Private browsing: dismissed for this visit only.
    }
  };
  const shown = suggestions.filter((s) => !dismissed.has(suggestionKey(s, revisionNumber)));
  // Every registry name the text holds: those offered, and those already linked here.
  const namesFound = typeof loaded === "object" ? loaded.alreadyLinked + suggestions.length : 0;
  const nameOf = (s: Suggestion) => readerName(s, locale);
  const accept = (s: Suggestion) => {
    passageStore.fix(null);
    passageStore.select({ statementId, start: s.startOffset, end: s.endOffset, quote: s.quote, revision: revisionNumber });
    const key = `${suggestionKey(s, revisionNumber)}:${Date.now()}`;
    // Named as the form's boxes name a chosen record: in the reader's language.
    const named = { id: s.id, name: nameOf(s) };
    passageStore.prefill(
      s.kind === "person" ? { person: named, key } : s.kind === "place" ? { place: named, key } : { note: t("orgNote", { name: nameOf(s) }), key },
    );
  };
  return (
    <section className={styles.block} aria-labelledby="link-suggestions-heading" data-testid="link-suggestions">
      <h3 id="link-suggestions-heading">{t("suggestions")}</h3>
      <p className="hint">{t("suggestionsIntro")}</p>
      {loaded === "loading" ? (
        <p className="muted" aria-busy="true" data-testid="link-suggestions-loading">
          {t("suggestionsLoading")}
        </p>
      ) : loaded === "failed" ? (
        <p className="muted" role="alert">
          {t("suggestionsFailed")}
        </p>
      ) : shown.length === 0 ? (
        // Names found, but each already linked here or set aside by this reader: not "none found".
        <p className="muted" data-testid="link-suggestions-none">
          {namesFound > 0 ? t("suggestionsAllUsed", { count: namesFound }) : t("noSuggestions")}
        </p>
      ) : (
        <ul className={styles.suggestionList}>
          {shown.map((s) => {
            const key = suggestionKey(s, revisionNumber);
            return (
              <li key={key} className={styles.suggestion} data-testid="link-suggestion" data-kind={s.kind}>
                <span className={`badge ${styles.kind} ${styles[`kind-${s.kind}`] ?? ""}`}>{t(`kinds.${s.kind}`)}</span>
                <span className={styles.suggestionName}>
                  <bdi>{nameOf(s)}</bdi>
                </span>
                <bdi dir="auto" lang={language} className={styles.suggestionQuote}>
                  {s.quote}
                </bdi>
                <span className={styles.score}>{t("match", { score: s.score })}</span>
                <span className={styles.suggestionActions}>
                  <button type="button" className="button small" onClick={() => accept(s)} aria-label={t("acceptLabel", { name: nameOf(s) })} data-testid="suggestion-accept">
                    {t("accept")}
                  </button>
                  <button type="button" className="button small" onClick={() => dismiss(key)} aria-label={t("dismissLabel", { name: nameOf(s) })} data-testid="suggestion-dismiss">
                    {t("dismiss")}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function LinkList({ revisionNumber, language, links }: { revisionNumber: number; language: string; links: PanelLink[] }) {
  const t = useTranslations("links");
  const locale = useLocale();
  const { focus } = usePassageStore();
  // "Show in text" and "Fix" work in the page's scripts: without them they are not offered.
  const hydrated = useHydrated();
  const listRef = useRef<HTMLUListElement>(null);
  // A mark clicked in the text: bring its entry into view.
  useEffect(() => {
    if (!focus) return;
    const item = listRef.current?.querySelector<HTMLElement>(`[data-link-id="${CSS.escape(focus.id)}"]`);
    if (!item) return;
    item.classList.remove(styles.flash);
    void item.offsetWidth;
    item.classList.add(styles.flash);
  }, [focus]);
  return (
    <section className={styles.block} aria-labelledby="link-list-heading">
      <h3 id="link-list-heading">{t("existing")}</h3>
      {links.length === 0 ? (
        <p className="muted" data-testid="link-list-empty">
          {t("noLinks")}
        </p>
      ) : (
        <ul ref={listRef} className={styles.linkList} data-testid="link-list">
          {links.map((l) => {
            const review = l.anchor === "NEEDS_REVIEW";
            const personName = readerName(l.person, locale);
            return (
              <li key={l.id} className={`${styles.linkItem}${review ? ` ${styles.review}` : ""}`} data-testid="link-item" data-link-id={l.id} data-anchor={l.anchor}>
                <blockquote dir="auto" lang={language} className={styles.quote}>
                  {l.quote}
                </blockquote>
                <p className={styles.linkFacts}>
                  <Link href={`/persons/${l.person.id}`} className={styles.personName}>
                    <bdi>{personName}</bdi>
                  </Link>
                  <span>{t(`roles.${l.role}`)}</span>
                  <span className={`badge ${styles.allegation}`}>{t(`allegationTypes.${l.allegationType}`)}</span>
                  {l.event && (
                    <span>
                      {t("event")}: <bdi>{readerTitle(l.event, locale)}</bdi>
                    </span>
                  )}
                  {l.place && (
                    <span>
                      {t("place")}: <bdi>{readerName(l.place, locale)}</bdi>
                    </span>
                  )}
                  {l.proceeding && (
                    <span>
                      {t("proceeding")}: <bdi>{readerTitle(l.proceeding, locale)}</bdi>
                    </span>
                  )}
                </p>
                {l.note && (
                  <p className={styles.linkNote} dir="auto">
                    {l.note}
                  </p>
                )}
                <p className={styles.linkMeta}>
                  {review ? (
                    <span className={`badge ${styles.reviewBadge}`} data-testid="link-needs-review">
                      {t("needsReview")}
                    </span>
                  ) : (
                    <span className="badge badge-current">{t("anchored")}</span>
                  )}
                  <span>{t("citation", { n: l.revisionNumber, start: l.startOffset, end: l.endOffset })}</span>
                </p>
                {review && <p className="hint">{t("needsReviewHint", { n: l.revisionNumber })}</p>}
                <div className={styles.linkActions}>
                  {hydrated && !review && l.revisionNumber === revisionNumber && (
                    <button type="button" className="button small" onClick={() => passageStore.focus(l.id)}>
                      {t("showInText")}
                    </button>
                  )}
                  {hydrated && review && l.repoint && (
                    <button type="button" className="button small primary" onClick={() => passageStore.fix(l.id)} data-testid="link-fix">
                      {t("fix")}
                    </button>
                  )}
                  {l.remove && <DeleteLink remove={l.remove} label={t("deleteLabel", { person: personName })} />}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function DeleteLink({ remove, label }: { remove: Saved; label: string }) {
  const t = useTranslations("links");
  const [state, action] = useActionState(remove, initialFormState<{ id: string }>());
  return (
    <form
      action={action}
      className="inline-form"
      onSubmit={(e) => {
        if (!window.confirm(t("deleteConfirm"))) e.preventDefault();
      }}
    >
      <FormBanner state={state} />
      <SubmitButton className="button small danger" label={label} testId="link-delete">
        {t("delete")}
      </SubmitButton>
    </form>
  );
}
