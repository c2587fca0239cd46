"use client";

import { useId, useRef, useState, type DragEvent, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale } from "next-intl";
import { useTranslations } from "@/lib/i18n/use-translations";
import { ACCEPT_ATTRIBUTE, humanBytes } from "@/lib/exhibits/format";
import { FilePicker } from "@/app/_components/file-picker";
import { CopyButton } from "./copy-button";
import styles from "./exhibits.module.css";

type Uploaded = {
  exhibit: { id: string; number: string; sha256: string; mime: string; size: number; originalName: string };
  deduplicated: boolean;
  linked: boolean;
};

type Phase = { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "processing" } | { kind: "done"; result: Uploaded } | { kind: "error"; message: string };

/**
 * Attaches a file to a statement or a witness through the JSON API, with a progress bar.
 * The browser streams the file (XMLHttpRequest, so upload progress can be shown); the server
 * hashes it on the way in and decides its type from its content.
 */
export function ExhibitUploader({ statementId, witnessId, maxBytes }: { statementId?: string; witnessId?: string; maxBytes: number }) {
  const t = useTranslations("exhibits.upload");
  const tc = useTranslations("common");
  const te = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState("");
  const [dragging, setDragging] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const busy = phase.kind === "uploading" || phase.kind === "processing";

  const choose = (f: File | null) => {
    setFile(f);
    if (f && f.size > maxBytes) setPhase({ kind: "error", message: t("tooLarge", { size: humanBytes(f.size, locale), limit: humanBytes(maxBytes, locale) }) });
    else setPhase({ kind: "idle" });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (busy) return;
    const f = e.dataTransfer.files?.[0];
    if (!f) return;
    if (inputRef.current) inputRef.current.files = e.dataTransfer.files;
    choose(f);
  };

  const errorMessage = (status: number, text: string): string => {
    try {
      const j = JSON.parse(text) as { error?: { code?: string; fields?: Record<string, string[]> } };
      const fields = j.error?.fields;
      // Field messages come back in the interface language (Accept-Language below).
      const fieldMessage = fields && Object.values(fields).flat()[0];
      if (fieldMessage) return fieldMessage;
      if (j.error?.code && te.has(j.error.code)) return te(j.error.code);
    } catch {
      // not JSON: fall through
    }
    return status === 413 ? te("TOO_LARGE") : t("failed");
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setPhase({ kind: "error", message: t("noFile") });
      inputRef.current?.focus();
      return;
    }
    if (file.size > maxBytes) {
      setPhase({ kind: "error", message: t("tooLarge", { size: humanBytes(file.size, locale), limit: humanBytes(maxBytes, locale) }) });
      return;
    }
    const form = new FormData();
    // The fields go first so the server can refuse a bad link before the file is sent.
    if (statementId) form.append("statementId", statementId);
    if (witnessId) form.append("witnessId", witnessId);
    form.append("description", description);
    form.append("file", file, file.name);

    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    xhr.open("POST", "/api/v1/exhibits");
    xhr.setRequestHeader("Accept-Language", locale);
    xhr.responseType = "text";
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) setPhase({ kind: "uploading", percent: Math.min(100, Math.floor((ev.loaded / ev.total) * 100)) });
    };
    xhr.upload.onload = () => setPhase({ kind: "processing" });
    xhr.onload = () => {
      xhrRef.current = null;
      if (xhr.status === 200 || xhr.status === 201) {
        const result = JSON.parse(xhr.responseText) as Uploaded;
        setPhase({ kind: "done", result });
        setFile(null);
        setDescription("");
        if (inputRef.current) inputRef.current.value = "";
        router.refresh();
      } else {
        setPhase({ kind: "error", message: errorMessage(xhr.status, xhr.responseText) });
      }
    };
    xhr.onerror = () => {
      xhrRef.current = null;
      setPhase({ kind: "error", message: t("network") });
    };
    xhr.onabort = () => {
      xhrRef.current = null;
      setPhase({ kind: "error", message: t("cancelled") });
    };
    setPhase({ kind: "uploading", percent: 0 });
    xhr.send(form);
  };

  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;
  return (
    // With scripts the upload goes through XHR (progress, the result in the page). Without them the
    // form itself posts to the same API route, so the upload still works and nothing typed (the
    // description) ends up in an address, as a form's default GET would put it.
    <form
      className={`form ${styles.uploader}`}
      method="post"
      action="/api/v1/exhibits"
      encType="multipart/form-data"
      onSubmit={submit}
      noValidate
      data-testid="exhibit-uploader"
      aria-busy={busy}
    >
      {statementId && <input type="hidden" name="statementId" value={statementId} />}
      {witnessId && <input type="hidden" name="witnessId" value={witnessId} />}
      <div
        className={`${styles.dropzone} ${dragging ? styles.dragging : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          if (!busy) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="exhibit-dropzone"
      >
        <label htmlFor={`${id}-file`} className={styles.dropLabel}>
          {t("drop")}
        </label>
        <FilePicker
          inputRef={inputRef}
          id={`${id}-file`}
          name="file"
          accept={ACCEPT_ATTRIBUTE}
          disabled={busy}
          aria-describedby={`${hintId} ${statusId}`}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
          chosenName={file?.name ?? null}
          testId="exhibit-file"
        />
        {file && (
          <p className={styles.chosen} dir="auto">
            {t("chosen", { name: file.name, size: humanBytes(file.size, locale) })}
          </p>
        )}
      </div>
      <p className="hint" id={hintId}>
        {t("hint", { limit: humanBytes(maxBytes, locale) })}
      </p>
      <div className="field">
        <label htmlFor={`${id}-description`}>
          {t("description")} <span className="optional">{tc("optional")}</span>
        </label>
        <textarea
          id={`${id}-description`}
          name="description"
          rows={2}
          maxLength={2000}
          dir="auto"
          value={description}
          disabled={busy}
          onChange={(e) => setDescription(e.target.value)}
          aria-describedby={`${id}-description-hint`}
          data-testid="exhibit-description"
        />
        <p className="hint" id={`${id}-description-hint`}>
          {t("descriptionHint")}
        </p>
      </div>

      <div id={statusId} aria-live="polite" className={styles.status}>
        {phase.kind === "uploading" && (
          <div className={styles.progressRow}>
            <progress max={100} value={phase.percent} aria-label={t("progress", { percent: phase.percent })} data-testid="exhibit-progress" />
            <span>{t("progress", { percent: phase.percent })}</span>
          </div>
        )}
        {phase.kind === "processing" && (
          <div className={styles.progressRow}>
            <progress aria-label={t("hashing")} data-testid="exhibit-progress" />
            <span>{t("hashing")}</span>
          </div>
        )}
        {phase.kind === "done" && <UploadResult result={phase.result} />}
        {phase.kind === "error" && (
          <div className="banner banner-error" role="alert" data-testid="exhibit-upload-error">
            {phase.message}
          </div>
        )}
      </div>

      <div className="actions">
        <button type="submit" className="button primary" disabled={busy} data-testid="exhibit-upload-submit">
          {t("submit")}
        </button>
        {phase.kind === "uploading" && (
          <button type="button" className="button" onClick={() => xhrRef.current?.abort()} data-testid="exhibit-upload-cancel">
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

function UploadResult({ result }: { result: Uploaded }) {
  const t = useTranslations("exhibits");
  const { exhibit } = result;
  const message = !result.deduplicated
    ? t("upload.done", { number: exhibit.number })
    : result.linked
      ? t("upload.deduplicated", { number: exhibit.number })
      : t("upload.alreadyLinked", { number: exhibit.number });
  return (
    <div className={`banner ${result.deduplicated ? styles.dedupe : "banner-ok"} ${styles.result}`} role="status" data-testid="exhibit-upload-result" data-deduplicated={result.deduplicated}>
      <p>
        <Link href={`/exhibits/${exhibit.id}`} data-testid="exhibit-upload-number">
          {message}
        </Link>
      </p>
      <p className={styles.hashLine}>
        <span>{t("sha256")}</span>{" "}
        <code className="hash-full" dir="ltr" data-copy-source={exhibit.sha256} data-testid="exhibit-upload-sha256">
          {exhibit.sha256}
        </code>{" "}
        <CopyButton value={exhibit.sha256} label={t("copyHash", { number: exhibit.number })} />
      </p>
    </div>
  );
}
