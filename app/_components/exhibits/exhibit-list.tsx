import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { DateTime } from "@/app/_components/badges";
import { orHttpError } from "@/app/_lib/page";
import { getActor } from "@/lib/auth/session";
import { listExhibitsFor } from "@/lib/exhibits";
import { humanBytes } from "@/lib/exhibits/format";
import { CopyButton } from "./copy-button";
import { ExhibitPreview } from "./exhibit-preview";
import styles from "./exhibits.module.css";

/**
 * The exhibits of one statement or one witness: number, name, detected type, size, SHA-256
 * (with a copy button), and the recording, image or PDF in place. A server component: it
 * reads through lib, which checks the signed-in user's role.
 */
export async function ExhibitList({ statementId, witnessId }: { statementId?: string; witnessId?: string }) {
  const actor = await getActor();
  const [items, t, locale] = await Promise.all([orHttpError(listExhibitsFor({ actor, query: { statementId, witnessId } })), getTranslations("exhibits"), getLocale()]);
  if (items.length === 0)
    return (
      <p className="empty" data-testid="exhibit-list-empty">
        {t("empty")}
      </p>
    );
  return (
    <ul className={styles.list} data-testid="exhibit-list">
      {items.map((e) => (
        <li key={e.id} className={styles.item} data-testid="exhibit-item" data-number={e.number}>
          <div className={styles.itemHead}>
            <Link href={`/exhibits/${e.id}`} className={styles.number} aria-label={t("open", { number: e.number })}>
              {e.number}
            </Link>
            <span dir="auto">{e.originalName}</span>
          </div>
          <dl className={styles.meta}>
            <dt>{t("type")}</dt>
            <dd>
              <code dir="ltr">{e.mime}</code>
            </dd>
            <dt>{t("size")}</dt>
            <dd>
              <span>{humanBytes(e.size, locale)}</span>
            </dd>
            <dt>{t("sha256")}</dt>
            <dd className={styles.hashLine}>
              <code className="hash-full" dir="ltr" data-copy-source={e.sha256} data-testid="exhibit-sha256">
                {e.sha256}
              </code>
              <CopyButton value={e.sha256} label={t("copyHash", { number: e.number })} />
            </dd>
            {e.description && (
              <>
                <dt>{t("description")}</dt>
                <dd dir="auto">{e.description}</dd>
              </>
            )}
            <dt>{t("added")}</dt>
            <dd>
              <DateTime value={e.createdAt} />
            </dd>
          </dl>
          <ExhibitPreview id={e.id} number={e.number} mime={e.mime} lazy />
        </li>
      ))}
    </ul>
  );
}
