import { useTranslations } from "@/lib/i18n/use-translations";
import { previewKind } from "@/lib/exhibits/format";
import styles from "./exhibits.module.css";

/**
 * Plays or shows an exhibit in the page from its inline URL (still served nosniff and
 * sandboxed). `lazy`: in lists, PDFs and text load only when opened.
 */
export function ExhibitPreview({ id, number, mime, lazy = false }: { id: string; number: string; mime: string; lazy?: boolean }) {
  const t = useTranslations("exhibits");
  const src = `/api/v1/exhibits/${id}/file?inline=1`;
  const kind = previewKind(mime);
  const label = `${t("preview")}: ${number}`;
  switch (kind) {
    case "audio":
      return (
        <div className={styles.preview}>
          <audio controls preload="metadata" src={src} aria-label={label} data-testid="exhibit-audio" />
        </div>
      );
    case "video":
      return (
        <div className={styles.preview}>
          <video controls preload="metadata" src={src} aria-label={label} data-testid="exhibit-video" />
        </div>
      );
    case "image":
      return (
        <div className={styles.preview}>
          {/* eslint-disable-next-line @next/next/no-img-element -- the original, not an optimised copy */}
          <img src={src} alt={label} loading="lazy" data-testid="exhibit-image" />
        </div>
      );
    case "pdf":
    case "text": {
      const frame = <iframe src={src} title={label} className={kind === "pdf" ? styles.pdf : styles.text} loading="lazy" data-testid={`exhibit-${kind}`} />;
      if (!lazy) return <div className={styles.preview}>{frame}</div>;
      return (
        <details className={styles.preview}>
          <summary>{t(kind === "pdf" ? "previewPdf" : "previewText")}</summary>
          {frame}
        </details>
      );
    }
    default:
      return <p className="muted">{t("noPreview")}</p>;
  }
}
