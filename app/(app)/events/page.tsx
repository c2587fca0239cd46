import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { DateText } from "@/app/(app)/_components/registry/dates";
import { ListName, ListOtherName } from "@/app/(app)/_components/registry/names";
import styles from "@/app/(app)/_components/registry/registry.module.css";
import { getCalendar } from "@/app/_lib/calendar";
import { RegistrySearch } from "@/app/(app)/_components/registry/search-form";
import { ClientMessages } from "@/app/_components/client-messages";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { listPageHref, orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { listEventPage } from "@/lib/events";
import { readerName } from "@/app/_lib/reader-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events"))("title") };
}

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const q = (param(sp.q) ?? "").trim().slice(0, 200);
  const asked = pageFromAddress(param(sp.page));
  const href = listPageHref("/events", { q });
  const actor = await requirePageActor(href(asked));
  const [list, t, calendar, rawLocale] = await Promise.all([orHttpError(listEventPage({ actor, query: { q, page: asked } })), getTranslations(), getCalendar(), getLocale()]);
  const events = list.items;
  const locale = rawLocale === "fa" ? "fa" : "en";
  return (
    <ClientMessages namespaces={["registry"]}>
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
      <RegistrySearch kind="events" path="/events" q={q} label={t("events.searchLabel")} placeholder={t("events.searchPlaceholder")} />
      <p className="muted" data-testid="event-count" data-total={list.total}>
        {q ? t("registry.matches", { count: list.total, q }) : t("registry.total", { count: list.total })}
      </p>
      {events.length === 0 ? (
        <p className="empty">{q ? t("registry.noMatches") : t("events.empty")}</p>
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
                      {/* The reader's title for the event as the link, the other under it. */}
                      <Link href={`/events/${e.id}`} className="record-title">
                        <ListName item={{ name: e.title, nameFa: e.titleFa }} locale={locale} />
                      </Link>
                      {/* In a span, so the name starts where the cell's text does in either direction. */}
                      <span>
                        <ListOtherName item={{ name: e.title, nameFa: e.titleFa }} locale={locale} />
                      </span>
                    </div>
                  </th>
                  <td className={styles.small}>
                    <ul className="inline-list">
                      {e.places.map((p) => (
                        <li key={p.id}>
                          <Link href={`/places/${p.id}`}>
                            <bdi>{readerName(p, locale)}</bdi>
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
      {list.pages > 1 && <PageLinks page={list.page} pages={list.pages} href={href} label={t("events.pagerLabel")} testId="event-pager" t={t} />}
    </ClientMessages>
  );
}
