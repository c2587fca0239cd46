import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { DateText } from "@/app/(app)/_components/registry/dates";
import { FaText } from "@/app/(app)/_components/registry/names";
import styles from "@/app/(app)/_components/registry/registry.module.css";
import { getCalendar } from "@/app/_lib/calendar";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { listEvents } from "@/lib/events";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events"))("title") };
}

export default async function EventsPage() {
  const actor = await requirePageActor("/events");
  const [events, t, calendar, rawLocale] = await Promise.all([orHttpError(listEvents({ actor })), getTranslations(), getCalendar(), getLocale()]);
  const locale = rawLocale === "fa" ? "fa" : "en";
  return (
    <>
      <div className="page-head">
        <h1>{t("events.title")}</h1>
        {can(actor, "registry.edit") && (
          <div className="page-actions">
            <Link href="/events/new" className="button primary" data-testid="new-event">
              {t("events.new")}
            </Link>
          </div>
        )}
      </div>
      <p className="lead">{t("events.intro")}</p>
      <p className="muted">{t("registry.total", { count: events.length })}</p>
      {events.length === 0 ? (
        <p className="empty">{t("events.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="event-list">
            <thead>
              <tr>
                <th scope="col">{t("events.date")}</th>
                <th scope="col">{t("events.titleField")}</th>
                <th scope="col">{t("events.places")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} data-testid="event-row">
                  <td>
                    <DateText input={e.dateStart} end={e.dateEnd} calendar={calendar} locale={locale} />
                  </td>
                  <th scope="row" className="title-cell">
                    <div className={styles.stack}>
                      <Link href={`/events/${e.id}`} className="record-title">
                        <bdi>{e.title}</bdi>
                      </Link>
                      {e.titleFa && <FaText>{e.titleFa}</FaText>}
                    </div>
                  </th>
                  <td className={styles.small}>
                    <ul className="inline-list">
                      {e.places.map((p) => (
                        <li key={p.id}>
                          <Link href={`/places/${p.id}`}>
                            <bdi>{locale === "fa" && p.nameFa ? p.nameFa : p.name}</bdi>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
