"use client";

import { useActionState, useEffect, useState } from "react";
import { useFormatter, useLocale } from "next-intl";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, useFields, useFormFocus } from "@/app/_components/form-bits";
import { initialFormState, type FormAction } from "@/app/_lib/form-state";
import type { DossierExportOut } from "@/lib/dossiers/export/jobs";
import { exactBytes, humanBytes } from "@/lib/exhibits/format";

const POLL_MS = 1000;
const running = (e: DossierExportOut) => e.status === "PENDING" || e.status === "RUNNING";

/** Polls one export until it is READY or FAILED. */
function useExport(initial: DossierExportOut): DossierExportOut {
  const [current, setCurrent] = useState(initial);
  useEffect(() => setCurrent(initial), [initial]);
  useEffect(() => {
    if (!running(current)) return;
    let stopped = false;
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/v1/dossier-exports/${encodeURIComponent(current.id)}`, { headers: { accept: "application/json" }, cache: "no-store" });
        if (res.ok && !stopped) setCurrent((await res.json()) as DossierExportOut);
        else if (!stopped) setCurrent({ ...current }); // poll again
      } catch {
        if (!stopped) setCurrent({ ...current });
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [current]);
  return current;
}

function ExportRow({ initial }: { initial: DossierExportOut }) {
  const e = useExport(initial);
  const t = useTranslations("dossierExport");
  const format = useFormatter();
  const locale = useLocale();
  const when = format.dateTime(new Date(e.createdAt), { dateStyle: "medium", timeStyle: "short" });
  return (
    <li className="card" data-testid="dossier-export" data-status={e.status} data-export-id={e.id}>
      <p>
        {/* A finished package that may no longer be handed out is not "Ready": the notice below says what to do. */}
        <strong data-testid="export-status">{t(e.status === "READY" && e.unavailable ? "status.UNAVAILABLE" : `status.${e.status}`)}</strong> · <span>{when}</span>
      </p>
      {running(e) && (
        <div role="status" aria-live="polite">
          <progress max={Math.max(e.total, 1)} value={e.done} data-testid="export-progress" aria-label={t("progressLabel")} />{" "}
          <span data-testid="export-phase">
            {t(`phase.${["queued", "loading", "pdf", "audit", "exhibits", "finishing", "done"].includes(e.phase) ? e.phase : "working"}`)}{" "}
            {e.total > 0 && t("steps", { done: e.done, total: e.total })}
          </span>
        </div>
      )}
      {e.status === "READY" && (
        <>
          {e.unavailable ? (
            <p className="note note-warning" role="status" data-testid="export-unavailable" data-reason={e.unavailable}>
              {t(`unavailable.${e.unavailable === "PACKAGE_MISSING" ? "PACKAGE_MISSING" : "CONSENT_WITHDRAWN"}`)}
            </p>
          ) : null}
          <p>
            {e.unavailable ? null : e.mayDownload ? (
              <a href={`/api/v1/dossier-exports/${e.id}/package`} download data-testid="export-download">
                {t("download")}
              </a>
            ) : (
              <span className="hint">{t("notYours")}</span>
            )}{" "}
            {e.unavailable ? null : "· "}
            {/* Human units in the reader's language; the exact count for whoever checks it against the file. */}
            <span title={exactBytes(e.size ?? 0, locale)} data-testid="export-size" data-bytes={e.size ?? 0}>
              {t("size", { size: humanBytes(e.size ?? 0, locale) })}
            </span>
          </p>
          <p className="hint">
            {t("sha256")} <code className="hash-full" dir="ltr" data-testid="export-sha256">{e.sha256}</code>
          </p>
          {e.excluded.count > 0 && (
            <p className="hint" data-testid="export-excluded">
              {t("excluded", { count: e.excluded.count })}{" "}
              {Object.entries(e.excluded.reasons)
                .map(([r, n]) => `${t(`reasons.${["CONSENT_WITHDRAWN", "NO_LEGAL_SHARING_CONSENT", "RECORD_MISSING"].includes(r) ? r : "OTHER"}`)} (${format.number(n)})`)
                .join(" · ")}
            </p>
          )}
        </>
      )}
      {e.status === "FAILED" && (
        <p className="banner banner-error" role="alert" data-testid="export-error">
          {e.error?.code === "EXHIBIT_MISMATCH" || e.error?.code === "EXHIBIT_MISSING"
            ? t(`errors.${e.error.code}`, { number: e.error.exhibitNumber ?? "" })
            : t(`errors.${["INTERRUPTED", "EMPTY", "FORBIDDEN", "NOT_FOUND"].includes(e.error?.code ?? "") ? e.error!.code : "FAILED"}`)}
        </p>
      )}
    </li>
  );
}

/** `start` is startExportAction bound to the dossier by DossierExportPanel (a server component). */
export function ExportProgress({ start, initial }: { start: FormAction<DossierExportOut>; initial: DossierExportOut[] }) {
  const t = useTranslations("dossierExport");
  const [state, action, pending] = useActionState(start, initialFormState<DossierExportOut>());
  const f = useFields(state);
  const ref = useFormFocus(state);
  const [reveal, setReveal] = useState(false);
  const started = state.ok && state.data ? [state.data] : [];
  const list = [...started, ...initial.filter((e) => !started.some((s) => s.id === e.id))];
  return (
    <>
      <form action={action} ref={ref} key={state.seq} data-testid="export-form">
        <FormBanner state={state} />
        <div className="field">
          <label>
            <input type="checkbox" name="reveal" checked={reveal} onChange={(ev) => setReveal(ev.target.checked)} data-testid="export-reveal" /> {t("reveal")}
          </label>
          <p className="hint">{t("revealHint")}</p>
        </div>
        {reveal && (
          <div className="field">
            <label htmlFor={f.id("reason")}>{t("reason")}</label>
            <textarea {...f.props("reason")} rows={2} maxLength={1000} required data-testid="export-reason" />
            {f.error("reason")}
          </div>
        )}
        <button type="submit" className="button" disabled={pending} data-testid="export-start">
          {pending ? t("starting") : t("start")}
        </button>
      </form>
      {list.length > 0 && (
        <>
          <h3>{t("recent")}</h3>
          <ul className="recent-list" data-testid="dossier-exports">
            {list.map((e) => (
              <ExportRow key={e.id} initial={e} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
