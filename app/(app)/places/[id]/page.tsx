import type { Metadata } from "next";
import { RecordHistory } from "@/app/_components/record-history";
import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { DateTime } from "@/app/_components/badges";
import { DateText } from "@/app/(app)/_components/registry/dates";
import { NameList, RecordHeading } from "@/app/(app)/_components/registry/names";
import { RegistrySection } from "@/app/(app)/_components/registry/section";
import styles from "@/app/(app)/_components/registry/registry.module.css";
import { getCalendar } from "@/app/_lib/calendar";
import { orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getPlace, getPlaceEvents } from "@/lib/places";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { readerTitle } from "@/app/_lib/reader-name";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("places"))("place") };
}

export default async function PlacePage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const saved = param(sp.saved) === "1";
  const actor = await requirePageActor(`/places/${id}`);
  // The place's events a page at a time (`eventsPage`), not all of them with the place.
  const [p, here, t, calendar, rawLocale] = await Promise.all([
    orHttpError(getPlace({ actor, placeId: id, events: false })),
    orHttpError(getPlaceEvents({ actor, placeId: id, page: pageFromAddress(param(sp.eventsPage)) })),
    getTranslations(),
    getCalendar(),
    getLocale(),
  ]);
  const locale = rawLocale === "fa" ? "fa" : "en";
  return (
    <>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/places">{t("nav.places")}</Link>
      </nav>
      <div className="page-head">
        <RecordHeading item={p} locale={locale} testId="place-name" />
        {can(actor, "registry.edit") && (
          <div className="page-actions">
            <Link href={`/places/${p.id}/edit`} className="button primary" data-testid="edit-place">
              {t("places.edit")}
            </Link>
          </div>
        )}
      </div>
      {saved && (
        <div className="banner banner-ok" role="status" data-testid="form-ok">
          {t("registry.saved")}
        </div>
      )}
      <dl className="facts">
        <div className="wide">
          <dt>{t("places.aliases")}</dt>
          <dd>{p.aliases.length ? <NameList names={p.aliases} /> : <span className="muted">{t("common.none")}</span>}</dd>
        </div>
        {p.city && (
          <div>
            <dt>{t("places.city")}</dt>
            <dd>
              <bdi>{p.city}</bdi>
            </dd>
          </div>
        )}
        <div>
          <dt>{t("registry.updated")}</dt>
          <dd>
            <DateTime value={p.updatedAt} />
          </dd>
        </div>
      </dl>
      {p.note && (
        <RegistrySection id="note" title={t("places.note")}>
          <p dir="auto" className="prose">
            {p.note}
          </p>
        </RegistrySection>
      )}
      <RegistrySection id="events" title={t("places.events")}>
        {here.pages.pages > 1 && (
          <p className="muted" data-testid="place-events-showing" data-events-total={here.pages.events}>
            {t("places.eventsShowing", { from: (here.pages.page - 1) * here.pages.perPage + 1, to: (here.pages.page - 1) * here.pages.perPage + here.events.length, events: here.pages.events })}
          </p>
        )}
        {here.events.length === 0 ? (
          <p className="muted">{t("places.noEvents")}</p>
        ) : (
          <ul className="recent-list">
            {here.events.map((e) => (
              <li key={e.id}>
                <Link href={`/events/${e.id}`}>
                  <bdi>{readerTitle(e, locale)}</bdi>
                </Link>
                <div className="meta">
                  <DateText input={e.dateStart} calendar={calendar} locale={locale} />
                </div>
              </li>
            ))}
          </ul>
        )}
        {here.pages.pages > 1 && (
          <PageLinks
            page={here.pages.page}
            pages={here.pages.pages}
            href={(n) => (n === 1 ? `/places/${p.id}#events` : `/places/${p.id}?eventsPage=${n}#events`)}
            label={t("places.eventsPagerLabel")}
            testId="place-events-pager"
            t={t}
          />
        )}
      </RegistrySection>
      <RecordHistory actor={actor} recordType="Place" recordId={p.id} />
    </>
  );
}
