import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import styles from "./notification-bell.module.css";

/**
 * The header's bell: the reader's unread notices (assigned, sent back, decided), linking to
 * /notifications. `count` is read by the layout, which shows it on the phone menu's button too.
 */
export async function NotificationBell({ count }: { count: number }) {
  const [t, format] = await Promise.all([getTranslations("notifications"), getFormatter()]);
  return (
    <Link href="/notifications" className={styles.bell} aria-label={t("bellLabel", { count })} data-testid="notification-bell" data-count={count}>
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {count > 0 && (
        <span className={styles.count} aria-hidden="true">
          {format.number(count)}
        </span>
      )}
    </Link>
  );
}
