import { getLocale, getTranslations } from "@/lib/i18n/server";
import { dateTextParts } from "@/app/(app)/_components/registry/dates";
import { RegistrySection } from "@/app/(app)/_components/registry/section";
import { getCalendar } from "@/app/_lib/calendar";
import { getActor } from "@/lib/auth/session";
import { ClientMessages } from "@/app/_components/client-messages";
import { getPersonAllegationQuotes, getPersonAllegationSummary } from "@/lib/corroboration";
import { CountBadge } from "./counts";
import styles from "./graph.module.css";
import { AllegationEvents, type AllegationEventView } from "./allegation-events";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { readerTitle } from "@/app/_lib/reader-name";

/**
 * For the person page: allegations grouped by event and type, each with its count of
 * independent verified witnesses (unverified apart), expandable to the exact quotes. The quotes
 * are not rendered here: a group loads them when it is opened (allegation-quotes.tsx), so the
 * page carries only the counts (a well-documented person has a hundred quotes or more). The
 * events come a page at a time (lib bounds them: thousands of events for a member of the
 * "death committee"); `page` is the person page's `allegationsPage`, and the pages are plain
 * links, so they work without scripts. `quotes` names a group to render open with a page of its
 * quotes (quotesEvent, quotesType, quotesPage: how a group's quotes are read without scripts).
 */
export async function PersonAllegations({ personId, page, quotes }: { personId: string; page?: string; quotes?: { event?: string; type?: string; page?: string } }) {
  const actor = await getActor();
  const [r, t, dates, locale, calendar] = await Promise.all([getPersonAllegationSummary({ actor, personId, page: pageFromAddress(page) }), getTranslations(), getTranslations("registry.dates"), getLocale(), getCalendar()]);
  // Only a group of this page of events is opened; anything else in the address is ignored.
  const opened = quotes?.type && r.groups.find((g) => (g.event?.id ?? "none") === quotes.event && g.allegationType === quotes.type);
  const openedQuotes = opened ? await getPersonAllegationQuotes({ actor, personId, query: { type: opened.allegationType, event: opened.event?.id ?? "none", page: pageFromAddress(quotes.page) } }) : undefined;
  const fa = locale === "fa";
  const byEvent = new Map<string, AllegationEventView>();
  for (const g of r.groups) {
    const k = g.event?.id ?? "";
    let view = byEvent.get(k);
    if (!view) {
      const e = g.event;
      view = { event: e && { id: e.id, title: readerTitle(e, locale), date: dateTextParts(dates, { input: e.dateStart, end: e.dateEnd, calendar, locale: fa ? "fa" : "en" }) }, groups: [] };
      byEvent.set(k, view);
    }
    const { verifiedWitnesses, unverifiedWitnesses, needsReview, allegationType, quoteCount } = g;
    view.groups.push({ verifiedWitnesses, unverifiedWitnesses, needsReview, allegationType, quoteCount, label: t(`links.allegationTypes.${allegationType}`), ...(g === opened ? { quotes: openedQuotes } : {}) });
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
          {r.pages.pages > 1 && (
            <p className="muted" data-testid="allegation-page-showing" data-events-total={r.pages.events}>
              {t("allegations.pageShowing", { from: (r.pages.page - 1) * r.pages.perPage + 1, to: (r.pages.page - 1) * r.pages.perPage + byEvent.size, events: r.pages.events, groups: r.pages.groups })}
            </p>
          )}
          <AllegationEvents personId={personId} events={[...byEvent.values()]} page={r.pages.page} />
          {r.pages.pages > 1 && (
            <PageLinks
              page={r.pages.page}
              pages={r.pages.pages}
              href={(n) => (n === 1 ? `/persons/${personId}#allegations` : `/persons/${personId}?allegationsPage=${n}#allegations`)}
              label={t("allegations.pagerLabel")}
              testId="allegation-pager"
              t={t}
            />
          )}
        </ClientMessages>
      )}
    </RegistrySection>
  );
}
