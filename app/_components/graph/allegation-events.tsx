"use client";

import { useTranslations } from "@/lib/i18n/use-translations";
import type { DateTextParts } from "@/app/(app)/_components/registry/dates";
import { FuzzyDate } from "@/app/(app)/_components/registry/fuzzy-date";
import type { Counts } from "@/lib/corroboration";
import { AllegationQuotes, type QuotesPage } from "./allegation-quotes";
import { CountBadge } from "./counts";
import styles from "./graph.module.css";

/** One event's allegation groups on the person page, as data: its title and date already read for the reader. */
export type AllegationEventView = {
  event: { id: string; title: string; date: DateTextParts } | null;
  /** `quotes`: the page of the group's quotes the address asked for (a group opened without scripts). */
  groups: (Counts & { allegationType: string; label: string; quoteCount: number; quotes?: QuotesPage })[];
};

/**
 * The person page's allegations, one block per event. Rendered from plain data rather than as
 * server components: a well-documented person names sixty events or more, and as server
 * components every block's markup travelled twice (in the HTML and again in the page's
 * serialized component tree). The HTML is the same.
 */
export function AllegationEvents({ personId, events, page }: { personId: string; events: AllegationEventView[]; page: number }) {
  const t = useTranslations("allegations");
  return events.map(({ event, groups }) => (
    <div key={event?.id ?? "none"} id={`event-${event?.id ?? "none"}`} className={styles.eventBlock} data-testid="allegation-event" data-event-id={event?.id ?? ""}>
      <h3 className={styles.eventTitle}>
        {event ? (
          <>
            <bdi>{event.title}</bdi>{" "}
            <span className={styles.eventDates}>
              <FuzzyDate parts={event.date} />
            </span>
          </>
        ) : (
          t("noEvent")
        )}
      </h3>
      <ul className={styles.groupList}>
        {groups.map((g) => (
          <li key={g.allegationType} id={`quotes-${event?.id ?? "none"}-${g.allegationType}`} className={styles.group} data-testid="allegation-group" data-allegation={g.allegationType}>
            <div className={styles.groupHead}>
              <span className={`badge ${styles.allegation}`}>{g.label}</span>
              <CountBadge counts={g} testId="allegation-counts" />
            </div>
            <AllegationQuotes personId={personId} eventId={event?.id ?? null} allegationType={g.allegationType} count={g.quoteCount} allegationsPage={page} initial={g.quotes} />
          </li>
        ))}
      </ul>
    </div>
  ));
}
