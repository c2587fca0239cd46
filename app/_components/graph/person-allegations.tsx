import { getLocale, getTranslations } from "@/lib/i18n/server";
import { DateText } from "@/app/(app)/_components/registry/dates";
import { RegistrySection } from "@/app/(app)/_components/registry/section";
import { getCalendar } from "@/app/_lib/calendar";
import { getActor } from "@/lib/auth/session";
import { ClientMessages } from "@/app/_components/client-messages";
import { getPersonAllegationSummary, type AllegationGroupSummary } from "@/lib/corroboration";
import { CountBadge } from "./counts";
import styles from "./graph.module.css";
import { AllegationQuotes } from "./allegation-quotes";

/**
 * For the person page: allegations grouped by event and type, each with its count of
 * independent verified witnesses (unverified apart), expandable to the exact quotes. The quotes
 * are not rendered here: a group loads them when it is opened (allegation-quotes.tsx), so the
 * page carries only the counts (a well-documented person has a hundred quotes or more).
 */
export async function PersonAllegations({ personId }: { personId: string }) {
  const actor = await getActor();
  const [r, t, locale, calendar] = await Promise.all([getPersonAllegationSummary({ actor, personId }), getTranslations(), getLocale(), getCalendar()]);
  const fa = locale === "fa";
  const byEvent = new Map<string, AllegationGroupSummary[]>();
  for (const g of r.groups) {
    const k = g.event?.id ?? "";
    byEvent.set(k, [...(byEvent.get(k) ?? []), g]);
  }
  return (
    <RegistrySection id="allegations" title={t("allegations.heading")} testId="person-allegations">
      <p className="muted">{t("allegations.intro")}</p>
      {actor?.role === "LEGAL" && <p className="note">{t("allegations.legalNote")}</p>}
      {r.groups.length === 0 ? (
        <p className="empty" data-testid="allegations-empty">
          {t("allegations.none")}
        </p>
      ) : (
        <ClientMessages namespaces={["allegations", "statuses", "protection"]}>
          <p className={styles.totals}>
            <span className={styles.totalsLabel}>{t("allegations.totals")}:</span> <CountBadge counts={r.totals} testId="allegation-totals" />
          </p>
          {[...byEvent.values()].map((groups) => {
            const event = groups[0]!.event;
            return (
              <div key={event?.id ?? "none"} id={`event-${event?.id ?? "none"}`} className={styles.eventBlock} data-testid="allegation-event" data-event-id={event?.id ?? ""}>
                <h3 className={styles.eventTitle}>
                  {event ? (
                    <>
                      <bdi>{(fa && event.titleFa) || event.title}</bdi>{" "}
                      <span className={styles.eventDates}>
                        <DateText input={event.dateStart} end={event.dateEnd} calendar={calendar} locale={fa ? "fa" : "en"} />
                      </span>
                    </>
                  ) : (
                    t("allegations.noEvent")
                  )}
                </h3>
                <ul className={styles.groupList}>
                  {groups.map((g) => (
                    <li key={g.allegationType} className={styles.group} data-testid="allegation-group" data-allegation={g.allegationType}>
                      <div className={styles.groupHead}>
                        <span className={`badge ${styles.allegation}`}>{t(`links.allegationTypes.${g.allegationType}`)}</span>
                        <CountBadge counts={g} testId="allegation-counts" />
                      </div>
                      <AllegationQuotes personId={personId} eventId={g.event?.id ?? null} allegationType={g.allegationType} count={g.quoteCount} />
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </ClientMessages>
      )}
    </RegistrySection>
  );
}
