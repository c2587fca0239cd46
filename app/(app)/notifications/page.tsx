import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { DateTime } from "@/app/_components/badges";
import { requirePageActor } from "@/app/_lib/page";
import { listNotifications } from "@/lib/review/workflow";
import { MarkAllReadForm } from "./_components/mark-read-form";
import styles from "./notifications.module.css";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

function data(raw: string): { title?: string; decision?: string; by?: string } {
  try {
    return JSON.parse(raw) as { title?: string; decision?: string; by?: string };
  } catch {
    return {};
  }
}

export default async function NotificationsPage() {
  const actor = await requirePageActor("/notifications");
  const [items, t] = await Promise.all([listNotifications({ actor }), getTranslations()]);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <ClientMessages namespaces={["notifications"]}>
      <div className="page-head">
        <div>
          <h1>{t("notifications.title")}</h1>
          <p className="lead">{t("notifications.intro")}</p>
        </div>
        {unread > 0 && (
          <div className="page-actions">
            <MarkAllReadForm />
          </div>
        )}
      </div>
      {items.length === 0 ? (
        <p className="empty" data-testid="notifications-empty">
          {t("notifications.empty")}
        </p>
      ) : (
        <ul className={styles.list} data-testid="notification-list">
          {items.map((n) => {
            const d = data(n.data);
            const decision = d.decision ? (t.has(`statuses.${d.decision}`) ? t(`statuses.${d.decision}`) : d.decision) : "";
            const kind = ["ASSIGNED", "SENT_BACK", "DECIDED"].includes(n.kind) ? n.kind : "OTHER";
            return (
              <li key={n.id} className={`${styles.item}${n.readAt ? "" : ` ${styles.unread}`}`} data-testid="notification" data-kind={n.kind} data-unread={n.readAt ? "false" : "true"}>
                <span>
                  {!n.readAt && <span className={styles.unreadTag}>{t("notifications.new")}</span>}
                  <Link href={`/statements/${n.statementId}#review`}>
                    {t.rich(`notifications.kinds.${kind}`, { by: d.by ?? "", title: d.title ?? "", decision, b: (c) => <bdi>{c}</bdi> })}
                  </Link>
                </span>
                <span className={styles.time}>
                  <DateTime value={n.createdAt} />
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </ClientMessages>
  );
}
