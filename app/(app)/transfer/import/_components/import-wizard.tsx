"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useFormatter, useLocale } from "next-intl";
import { useHydrated } from "@/app/_lib/use-hydrated";
import { FilePicker } from "@/app/_components/file-picker";
import { shownArg } from "@/lib/i18n/field-error-args";
import { useTranslations } from "@/lib/i18n/use-translations";
import styles from "./import.module.css";
import { mergeProgress } from "./merge-progress";

// The import screen: upload, choose the kind and template, map the columns, read the dry run
// (filter the refused rows, fix a row's cells and check again), then import with progress and
// see what was created. Every step goes through the JSON API (/api/v1/imports).

type FieldInfo = { field: string; required: boolean; protected: boolean };
type Problem = { column: string | null; key: string };
type RecordRef = { type: string; id: string | null; label: string };
type Row = { row: number; outcome: "CREATE" | "LINK" | "UPDATE" | "REFUSE" | "ALREADY"; label: string; record: RecordRef | null; changes?: string[]; problems: Problem[]; warnings: Problem[]; batch?: number; cells?: Record<string, string | null> };
type Counts = { rows: number; created: number; linked: number; updated: number; refused: number; already: number };
type Result = { jobId: string; kind: string; fileName: string; fileSha256: string; headers: string[]; mapping: Record<string, string>; counts: Counts; rows: Row[]; status: string };
type Job = { id: string; status: string; rowsTotal: number; rowsDone: number; created: number; linked: number; refused: number; error: string | null; rows: Row[]; batches: { batch: number; fromRow: number; toRow: number; committed: boolean }[] };

const RECORD_PATH: Record<string, string> = { Person: "persons", Place: "places", Event: "events", Source: "sources", Witness: "witnesses", Statement: "statements" };
const recordHref = (r: RecordRef | null) => (r?.id && RECORD_PATH[r.type] ? `/${RECORD_PATH[r.type]}/${r.id}` : null);
const DONE = new Set(["COMPLETED", "FAILED", "REFUSED"]);

export function ImportWizard({ kinds, fields, templates: initialTemplates }: { kinds: string[]; fields: Record<string, FieldInfo[]>; templates: { kind: string; name: string }[] }) {
  const t = useTranslations("import");
  const tf = useTranslations("fieldErrors");
  const locale = useLocale();
  const format = useFormatter();
  const [kind, setKind] = useState(kinds[0]);
  const [templates, setTemplates] = useState(initialTemplates);
  const [template, setTemplate] = useState("");
  const [result, setResult] = useState<Result | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [edits, setEdits] = useState<Record<string, Record<string, string>>>({});
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [onlyRefused, setOnlyRefused] = useState(false);
  const [batchSize, setBatchSize] = useState("");
  const [skipRefused, setSkipRefused] = useState(false);
  const [templateName, setTemplateName] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const dryRunHeading = useRef<HTMLHeadingElement>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const hydrated = useHydrated();

  const headers = { "Accept-Language": locale };

  const problemText = (p: Problem) => {
    const i = p.key.indexOf(":");
    const name = i < 0 ? p.key : p.key.slice(0, i);
    const arg = i < 0 ? "" : p.key.slice(i + 1);
    if (t.has(`problemsText.${name}`)) return t(`problemsText.${name}`, { arg });
    // A count, size or year in the reader's digits, as the API words the same error.
    if (tf.has(name)) return tf(name, { n: shownArg(name, arg, locale) });
    return p.key;
  };

  async function errorOf(res: Response): Promise<string> {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string[]> } } | null;
    const fieldsText = Object.values(body?.error?.fields ?? {}).flat().join(" ");
    return fieldsText || body?.error?.message || res.statusText;
  }

  function showResult(r: Result) {
    setResult(r);
    setMapping(r.mapping);
    setEditing(null);
    setTimeout(() => dryRunHeading.current?.focus(), 0);
  }

  async function upload(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError(tf("file_required"));
      return;
    }
    // The fields first, then the file: the server reads them in this order.
    const body = new FormData();
    body.set("kind", kind);
    if (template) body.set("template", template);
    body.set("file", file, file.name);
    setBusy(true);
    setError(null);
    setNotice(null);
    setResult(null);
    setJob(null);
    setEdits({});
    try {
      const res = await fetch("/api/v1/imports", { method: "POST", body, headers });
      if (!res.ok) setError(await errorOf(res));
      else showResult((await res.json()) as Result);
    } finally {
      setBusy(false);
    }
  }

  async function recheck(nextEdits = edits) {
    if (!result) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/v1/imports/${result.jobId}/run`, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json" },
        body: JSON.stringify({ dryRun: true, mapping, edits: nextEdits }),
      });
      if (!res.ok) setError(await errorOf(res));
      else showResult((await res.json()) as Result);
    } finally {
      setBusy(false);
    }
  }

  function startFix(r: Row) {
    setEditing(r.row);
    const cells: Record<string, string> = {};
    for (const [h, v] of Object.entries(r.cells ?? {})) if (v !== null) cells[h] = edits[String(r.row)]?.[h] ?? v;
    setDraft(cells);
  }

  async function applyFix(r: Row) {
    const changed: Record<string, string> = { ...(edits[String(r.row)] ?? {}) };
    for (const [h, v] of Object.entries(draft)) if (v !== (r.cells?.[h] ?? "")) changed[h] = v;
    const next = { ...edits, [String(r.row)]: changed };
    setEdits(next);
    await recheck(next);
  }

  async function saveTemplate() {
    if (!result || !templateName.trim()) return;
    const res = await fetch("/api/v1/imports/templates", {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify({ kind: result.kind, name: templateName.trim(), mapping }),
    });
    if (!res.ok) {
      setError(await errorOf(res));
      return;
    }
    setTemplates((xs) => [...xs.filter((x) => !(x.kind === result.kind && x.name === templateName.trim())), { kind: result.kind, name: templateName.trim() }]);
    setNotice(t("templateSaved"));
  }

  async function run() {
    if (!result) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/v1/imports/${result.jobId}/run`, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json" },
        body: JSON.stringify({ dryRun: false, mapping, edits, skipRefused, ...(batchSize.trim() ? { batchSize: Number(batchSize) } : {}) }),
      });
      if (!res.ok) {
        setError(await errorOf(res));
        setBusy(false);
        return;
      }
      const { jobId } = (await res.json()) as { jobId: string };
      setJob({ id: jobId, status: "PENDING", rowsTotal: 0, rowsDone: 0, created: 0, linked: 0, refused: 0, error: null, rows: [], batches: [] });
    } catch {
      setBusy(false);
    }
  }

  // Progress: poll the job until it is finished, then load its report once.
  useEffect(() => {
    if (!job || DONE.has(job.status)) return;
    const timer = setTimeout(async () => {
      const res = await fetch(`/api/v1/imports/${job.id}?rows=0`, { headers });
      if (!res.ok) return;
      const next = (await res.json()) as Job;
      if (DONE.has(next.status)) {
        const full = (await (await fetch(`/api/v1/imports/${job.id}`, { headers })).json()) as Job;
        setJob(full);
        setBusy(false);
        setTimeout(() => summaryHeading.current?.focus(), 0);
      } else setJob((prev) => mergeProgress(prev, next));
    }, 400);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job]);

  const kindFields = result ? fields[result.kind] : fields[kind];
  const rows = result ? result.rows.filter((r) => !onlyRefused || r.outcome === "REFUSE") : [];
  const pendingEdits = Object.keys(edits).length;
  const blocked = !!result && result.counts.refused > 0 && !skipRefused;

  if (job && DONE.has(job.status)) {
    const created = job.rows.filter((r) => r.outcome === "CREATE" && r.record?.id);
    const c = { rows: job.rows.length, created: job.created, linked: job.linked, updated: job.rows.filter((r) => r.outcome === "UPDATE").length, refused: job.refused, already: job.rows.filter((r) => r.outcome === "ALREADY").length };
    return (
      <section aria-labelledby="import-summary" data-testid="import-summary">
        <h2 id="import-summary" ref={summaryHeading} tabIndex={-1}>
          {job.status === "COMPLETED" ? t("summaryHeading") : t("failedHeading")}
        </h2>
        {job.status === "COMPLETED" ? (
          <p className="banner banner-ok" role="status" data-testid="import-done">
            {t("countsDone", c)}
          </p>
        ) : (
          <div className="banner banner-error" role="alert">
            <p>{job.error}</p>
            <p>{t("failedNote")}</p>
          </div>
        )}
        {job.batches.length > 1 && (
          <ul className="inline-list">
            {job.batches.map((b) => (
              <li key={b.batch}>{t("batches", { batch: b.batch, from: b.fromRow, to: b.toRow })}</li>
            ))}
          </ul>
        )}
        {created.length > 0 && (
          <>
            <h3>{t("createdRecords")}</h3>
            <ul data-testid="import-created">
              {created.map((r) => (
                <li key={r.row}>
                  {t("row")} {format.number(r.row, { useGrouping: false })}: <Link href={recordHref(r.record)!}><bdi>{r.record!.label}</bdi></Link>
                </li>
              ))}
            </ul>
          </>
        )}
        <p>
          <a href="/transfer/import">{t("newImport")}</a>
        </p>
      </section>
    );
  }

  return (
    <>
      <noscript>
        <p className="banner banner-error" data-testid="import-needs-scripts">
          {t("needsScripts")}
        </p>
      </noscript>
      {/* method="post": should the form ever be sent without its script, the file's name and the
          choices do not end up in the address. Without scripts the button stays disabled. */}
      <form className="form" method="post" onSubmit={upload} data-testid="import-upload" noValidate>
        <div className="field-row">
          <div className="field">
            <label htmlFor="import-kind">{t("kindLabel")}</label>
            <select id="import-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)} data-testid="import-kind">
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-template">{t("templateLabel")}</label>
            <select id="import-template" name="template" value={template} onChange={(e) => setTemplate(e.target.value)}>
              <option value="">{t("noTemplate")}</option>
              {templates
                .filter((x) => x.kind === kind)
                .map((x) => (
                  <option key={x.name} value={x.name}>
                    {x.name}
                  </option>
                ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="import-file">{t("fileLabel")}</label>
          <FilePicker id="import-file" name="file" accept=".csv,.zip,text/csv,application/zip" aria-describedby="import-file-hint" testId="import-file" />
          <p className="hint" id="import-file-hint">
            {t("fileHelp")} {t("separatorsHelp")} {t("fileKept")}
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy || !hydrated} data-testid="import-check">
            {busy && !result ? t("uploading") : t("upload")}
          </button>
        </div>
      </form>

      {error && (
        <div className="banner banner-error" role="alert" data-testid="import-error">
          {error}
        </div>
      )}
      {notice && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}

      {result && (
        <>
          <section aria-labelledby="import-mapping" className={`panel ${styles.mapping}`}>
            <h2 id="import-mapping">{t("mappingHeading")}</h2>
            <p className="hint">{t("mappingHelp")}</p>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("column")}</th>
                    <th scope="col">{t("field")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.headers.map((h, i) => (
                    <tr key={h}>
                      <th scope="row">
                        <label htmlFor={`map-${i}`}>
                          <bdi>{h}</bdi>
                        </label>
                      </th>
                      <td>
                        <select id={`map-${i}`} value={mapping[h] ?? ""} onChange={(e) => setMapping((m) => ({ ...m, [h]: e.target.value }))} data-testid={`map-${h}`}>
                          <option value="">{t("notImported")}</option>
                          {kindFields.map((f) => (
                            <option key={f.field} value={f.field}>
                              {t(`fields.${f.field}`)}
                              {f.required ? " *" : ""}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className={`inline-form ${styles.below}`}>
              <label htmlFor="import-template-name">{t("templateName")}</label>{" "}
              <input id="import-template-name" type="text" value={templateName} onChange={(e) => setTemplateName(e.target.value)} dir="auto" maxLength={100} />{" "}
              <button type="button" className="button" onClick={saveTemplate} disabled={!templateName.trim()}>
                {t("saveTemplate")}
              </button>
            </div>
          </section>

          <section className="panel" aria-labelledby="import-dry-run" data-testid="import-dry-run">
            <h2 id="import-dry-run" ref={dryRunHeading} tabIndex={-1}>
              {t("dryRunHeading")}
            </h2>
            <p className="muted">
              {t("dryRunNote")} <bdi>{t("jobLine", { name: result.fileName, sha: result.fileSha256.slice(0, 16) })}</bdi>
            </p>
            <p role="status" data-testid="import-counts">
              {t("counts", { ...result.counts, updated: result.counts.updated ?? 0 })}
            </p>
            {pendingEdits > 0 && <p className="hint">{t("fixesPending", { n: pendingEdits })}</p>}
            <div className="actions">
              <label>
                <input type="checkbox" checked={onlyRefused} onChange={(e) => setOnlyRefused(e.target.checked)} data-testid="import-only-refused" /> {t("onlyRefused")}
              </label>
              <button type="button" className="button" onClick={() => recheck()} disabled={busy} data-testid="import-recheck">
                {t("recheck")}
              </button>
            </div>
            <div className="table-wrap">
              <table className="table" data-testid="import-rows">
                <thead>
                  <tr>
                    <th scope="col">{t("row")}</th>
                    <th scope="col">{t("outcome")}</th>
                    <th scope="col">{t("record")}</th>
                    <th scope="col">{t("problems")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <RowView
                      key={r.row}
                      r={r}
                      t={t}
                      problemText={problemText}
                      editing={editing === r.row}
                      draft={draft}
                      setDraft={setDraft}
                      onFix={() => startFix(r)}
                      onApply={() => applyFix(r)}
                      onCancel={() => setEditing(null)}
                      busy={busy}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section className="panel" aria-labelledby="import-run">
            <h2 id="import-run">{t("run")}</h2>
            <div className="field">
              <label htmlFor="import-batch">{t("batchLabel")}</label>
              <input id="import-batch" type="text" className={styles.narrow} inputMode="numeric" dir="ltr" value={batchSize} onChange={(e) => setBatchSize(e.target.value.replace(/[^0-9]/g, ""))} aria-describedby="import-batch-hint" />
              <p className="hint" id="import-batch-hint">
                {t("batchHelp")}
              </p>
            </div>
            {result.counts.refused > 0 && (
              <label className="field">
                <span>
                  <input type="checkbox" checked={skipRefused} onChange={(e) => setSkipRefused(e.target.checked)} data-testid="import-skip-refused" /> {t("skipRefused")}
                </span>
              </label>
            )}
            {blocked && <p className="hint">{t("runBlocked")}</p>}
            <div className="actions">
              <button type="button" className="button" onClick={run} disabled={busy || blocked || !!job} data-testid="import-run">
                {t("run")}
              </button>
            </div>
            {job && (
              <div role="status" aria-live="polite" data-testid="import-progress">
                <p>{job.status === "CHECKING" || job.status === "PENDING" ? t("checking") : t("running")}</p>
                <progress className={styles.progress} max={Math.max(job.rowsTotal, 1)} value={job.rowsDone} />
                <p>{t("progress", { done: job.rowsDone, total: job.rowsTotal })}</p>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}

type T = ReturnType<typeof useTranslations<"import">>;

function RowView({
  r,
  t,
  problemText,
  editing,
  draft,
  setDraft,
  onFix,
  onApply,
  onCancel,
  busy,
}: {
  r: Row;
  t: T;
  problemText: (p: Problem) => string;
  editing: boolean;
  draft: Record<string, string>;
  setDraft: (d: Record<string, string>) => void;
  onFix: () => void;
  onApply: () => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const href = recordHref(r.record);
  const fmt = useFormatter();
  const locale = useLocale();
  // A row without a name or title is labelled by its number ("#4"): in the reader's digits.
  const label = /^#\d+$/.test(r.label) ? `#${fmt.number(Number(r.label.slice(1)), { useGrouping: false })}` : r.label;
  return (
    <>
      <tr data-testid={`import-row-${r.row}`} data-outcome={r.outcome}>
        <td>{fmt.number(r.row, { useGrouping: false })}</td>
        <td className={`${styles.outcome} ${styles[r.outcome]}`}>{t(`outcomes.${r.outcome}`)}</td>
        <td>
          {(r.outcome === "LINK" || r.outcome === "UPDATE") && r.record ? (
            <>
              {href ? (
                <Link href={href}>{t(r.outcome === "UPDATE" ? "updates" : "linkedTo", { name: r.record.label })}</Link>
              ) : (
                t(r.outcome === "UPDATE" ? "updates" : "linkedTo", { name: r.record.label })
              )}
              {r.changes && r.changes.length > 0 && (
                <div className="muted" data-testid={`import-changes-${r.row}`}>
                  {t("changedFields", { fields: r.changes.map((f) => (t.has(`fields.${f}`) ? t(`fields.${f}`) : f)).join(locale === "fa" ? "، " : ", ") })}
                </div>
              )}
            </>
          ) : r.outcome === "CREATE" ? (
            <bdi>{t("newRecord", { name: label })}</bdi>
          ) : (
            <bdi>{label}</bdi>
          )}
        </td>
        <td>
          {(r.problems.length > 0 || r.warnings.length > 0) && (
            <ul className={styles.problems}>
              {r.problems.map((p, i) => (
                <li key={`p${i}`}>
                  {p.column && (
                    <>
                      <bdi>{p.column}</bdi>:{" "}
                    </>
                  )}
                  {problemText(p)}
                </li>
              ))}
              {r.warnings.map((p, i) => (
                <li key={`w${i}`} className={styles.warning}>
                  {problemText(p)}
                </li>
              ))}
            </ul>
          )}
          {r.outcome === "REFUSE" && r.cells && !editing && (
            <button type="button" className="button" onClick={onFix} data-testid={`import-fix-${r.row}`}>
              {t("fix", { row: r.row })}
            </button>
          )}
        </td>
      </tr>
      {editing && r.cells && (
        <tr>
          <td colSpan={4}>
            <fieldset className="fieldset">
              <legend>{t("fix", { row: r.row })}</legend>
              <div className={styles.fixCells}>
                {Object.entries(r.cells).map(([h, v], i) => (
                  <div className="field" key={h}>
                    <label htmlFor={`fix-${r.row}-${i}`}>
                      <bdi>{h}</bdi>
                    </label>
                    {v === null ? (
                      <input id={`fix-${r.row}-${i}`} type="text" disabled value={t("protectedCell")} />
                    ) : (
                      <input id={`fix-${r.row}-${i}`} type="text" dir="auto" value={draft[h] ?? ""} onChange={(e) => setDraft({ ...draft, [h]: e.target.value })} data-testid={`fix-cell-${h}`} />
                    )}
                  </div>
                ))}
              </div>
              <div className="actions">
                <button type="button" className="button" onClick={onApply} disabled={busy} data-testid="import-apply-fix">
                  {t("applyFix")}
                </button>
                <button type="button" className="button" onClick={onCancel}>
                  {t("cancel")}
                </button>
              </div>
            </fieldset>
          </td>
        </tr>
      )}
    </>
  );
}
