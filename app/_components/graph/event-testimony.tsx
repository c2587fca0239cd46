import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { RegistrySection } from "@/app/(app)/_components/registry/section";
import { StatusBadge } from "@/app/_components/badges";
import { getActor } from "@/lib/auth/session";
import { EVENT_QUOTES_PER_STATEMENT, getEventTestimony } from "@/lib/corroboration";
import { CountBadge } from "./counts";
import styles from "./graph.module.css";
import { QuoteList } from "./quote-list";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { orHttpError } from "@/app/_lib/page";
import { readerName } from "@/app/_lib/reader-name";
import { WitnessCode } from "@/app/_components/witness-code";

/**
 * For the event page: the persons the testimony citing this event names, each kind of
 * allegation with its count of independent witnesses; then the statements citing the event with
 * their quotes (each with its role and allegation, the person named and the witness code), a page
 * at a time (lib bounds them); `page` is the event page's `testimonyPage`, the pages plain links.
 * The persons are a page at a time too (`personPage`, the event page's `personsPage`): an event
 * such as a prison's mass execution names hundreds. Each pager keeps the other's page. Under each
 * statement its first few quotes, and a link to all of them (`quotesOf`, the statement; then a
 * page at a time, `quotesPage`): one statement can cite an event in hundreds of passages.
 * What a legal team reads is decided in lib (getEventTestimony), as for persons and proceedings.
 */
export async function EventTestimony({ eventId, page, personPage, quotesOf, quotesPage }: { eventId: string; page?: string; personPage?: string; quotesOf?: string; quotesPage?: string }) {
  const actor = await getActor();
  const [r, t, locale] = await Promise.all([
    // An address whose statement cannot be an id (a NUL in it) names nothing there is: 404, as for the other pages.
    orHttpError(getEventTestimony({ actor, eventId, page: pageFromAddress(page), personPage: pageFromAddress(personPage), quotesOf: quotesOf?.slice(0, 100), quotesPage: pageFromAddress(quotesPage) })),
    getTranslations(),
    getLocale(),
  ]);
  const opened = r.testimony.find((e) => e.quotePages);
  const address = (statements: number, persons: number, anchor: string, quotes?: { statementId: string; page: number }) => {
    const q = new URLSearchParams();
    if (persons > 1) q.set("personsPage", String(persons));
    if (statements > 1) q.set("testimonyPage", String(statements));
    if (quotes) q.set("quotesOf", quotes.statementId);
    if (quotes && quotes.page > 1) q.set("quotesPage", String(quotes.page));
    const qs = q.toString();
    return `/events/${eventId}${qs ? `?${qs}` : ""}#${anchor}`;
  };
  const href = (n: number) => address(n, r.personPages.page, "testimony-list-heading");
  // The persons' pager keeps a statement's quotes open where they were.
  const personHref = (n: number) => address(r.pages.page, n, "testimony-heading", opened && { statementId: opened.statement.id, page: opened.quotePages!.page });
  const quotesHref = (statementId: string, n: number) => address(r.pages.page, r.personPages.page, `testimony-${statementId}`, { statementId, page: n });
  const closedHref = (statementId: string) => address(r.pages.page, r.personPages.page, `testimony-${statementId}`);
  const fa = locale === "fa";
  const types = r.allegationTypes;
  const label = (role: string, allegationType: string) =>
    `${t.has(`links.roles.${role}`) ? t(`links.roles.${role}`) : role} · ${t.has(`links.allegationTypes.${allegationType}`) ? t(`links.allegationTypes.${allegationType}`) : allegationType}`;
  return (
    <RegistrySection id="testimony" title={t("allegations.eventHeading")} testId="event-testimony">
      <p className="muted">{t("allegations.eventIntro")}</p>
      {actor?.role === "LEGAL" && <p className="note">{t("allegations.legalNote")}</p>}
      {r.personPages.persons === 0 ? (
        <p className="empty" data-testid="event-testimony-empty">
          {t("allegations.eventNone")}
        </p>
      ) : (
        <>
          {r.personPages.pages > 1 && (
            <p className="muted" data-testid="event-persons-showing" data-persons-total={r.personPages.persons}>
              {t("allegations.eventPersonsShowing", {
                from: (r.personPages.page - 1) * r.personPages.perPage + 1,
                to: (r.personPages.page - 1) * r.personPages.perPage + r.persons.length,
                persons: r.personPages.persons,
              })}
            </p>
          )}
          <div className="table-wrap">
            <table className={`table ${styles.defendantTable}`} data-testid="event-person-table">
              <thead>
                <tr>
                  <th scope="col">{t("allegations.personNamed")}</th>
                  {types.map((a) => (
                    <th key={a} scope="col">
                      {t(`links.allegationTypes.${a}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.persons.map((p) => (
                  <tr key={p.person.id} data-testid="event-person-row" data-person-id={p.person.id}>
                    <th scope="row">
                      <Link href={`/persons/${p.person.id}`}>
                        <bdi>{readerName(p.person, locale)}</bdi>
                      </Link>
                    </th>
                    {types.map((a) => {
                      const c = p.allegations.find((x) => x.allegationType === a);
                      return <td key={a}>{c ? <CountBadge counts={c} testId="event-person-counts" /> : <span className="muted">—</span>}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {r.personPages.pages > 1 && (
            <PageLinks page={r.personPages.page} pages={r.personPages.pages} href={personHref} label={t("allegations.eventPersonsPagerLabel")} testId="event-persons-pager" t={t} />
          )}

          <h3 className={styles.subheading} id="testimony-list-heading">
            {t("allegations.eventTestimony")}
          </h3>
          {r.pages.pages > 1 && (
            <p className="muted" data-testid="testimony-page-showing" data-statements-total={r.pages.statements}>
              {t("allegations.evidenceShowing", { from: (r.pages.page - 1) * r.pages.perPage + 1, to: (r.pages.page - 1) * r.pages.perPage + r.testimony.length, statements: r.pages.statements })}
            </p>
          )}
          <ul className={styles.evidenceList} data-testid="testimony-list">
            {r.testimony.map((e) => (
              <li key={e.statement.id} id={`testimony-${e.statement.id}`} className={styles.evidenceItem} data-testid="testimony-item" data-quotes-total={e.quoteCount}>
                <p className={styles.evidenceHead}>
                  <Link href={`/statements/${e.statement.id}`} dir="auto" lang={e.statement.language} data-testid="testimony-statement-link">
                    {e.statement.title}
                  </Link>
                  <WitnessCode code={e.statement.witnessCode} />
                  <StatusBadge status={e.statement.status} />
                  {e.statement.fictional && <span className="badge badge-fictional">{t("common.fictional")}</span>}
                </p>
                {e.quotePages && e.quotePages.pages > 1 && (
                  <p className="muted" data-testid="testimony-quotes-showing">
                    {t("allegations.eventQuotesShowing", { from: (e.quotePages.page - 1) * e.quotePages.perPage + 1, to: (e.quotePages.page - 1) * e.quotePages.perPage + e.quotes.length, quotes: e.quoteCount })}
                  </p>
                )}
                <QuoteList
                  quotes={e.quotes.map((q) => ({ ...q, person: { name: readerName(q.person, locale), nameFa: q.person.nameFa }, label: label(q.role, q.allegationType) }))}
                  person
                />
                {e.quotePages ? (
                  <>
                    {e.quotePages.pages > 1 && (
                      <PageLinks page={e.quotePages.page} pages={e.quotePages.pages} href={(n) => quotesHref(e.statement.id, n)} label={t("allegations.eventQuotesPagerLabel")} testId="testimony-quotes-pager" t={t} />
                    )}
                    {e.quoteCount > EVENT_QUOTES_PER_STATEMENT && (
                      <p className={styles.moreQuotes}>
                        <Link href={closedHref(e.statement.id)} data-testid="testimony-quotes-fewer">
                          {t("allegations.eventQuotesFewer", { n: EVENT_QUOTES_PER_STATEMENT })}
                        </Link>
                      </p>
                    )}
                  </>
                ) : (
                  e.quoteCount > e.quotes.length && (
                    <p className={styles.moreQuotes}>
                      <Link href={quotesHref(e.statement.id, 1)} data-testid="testimony-quotes-more">
                        {t("allegations.eventQuotesMore", { more: e.quoteCount - e.quotes.length, quotes: e.quoteCount })}
                      </Link>
                    </p>
                  )
                )}
              </li>
            ))}
          </ul>
          {r.pages.pages > 1 && <PageLinks page={r.pages.page} pages={r.pages.pages} href={href} label={t("allegations.eventPagerLabel")} testId="testimony-pager" t={t} />}
        </>
      )}
    </RegistrySection>
  );
}
