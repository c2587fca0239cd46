import type { Metadata } from "next";
import { RecordHistory } from "@/app/_components/record-history";
import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { DateTime } from "@/app/_components/badges";
import { DateText } from "@/app/(app)/_components/registry/dates";
import { BothNames, RecordHeading } from "@/app/(app)/_components/registry/names";
import { RegistrySection } from "@/app/(app)/_components/registry/section";
import styles from "@/app/(app)/_components/registry/registry.module.css";
import { getCalendar } from "@/app/_lib/calendar";
import { orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getEvent } from "@/lib/events";
import { EventTestimony } from "@/app/_components/graph/event-testimony";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events"))("event") };
}

export default async function EventPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const saved = param(sp.saved) === "1";
  const actor = await requirePageActor(`/events/${id}`);
  const [e, t, calendar, rawLocale] = await Promise.all([orHttpError(getEvent({ actor, eventId: id })), getTranslations(), getCalendar(), getLocale()]);
  const locale = rawLocale === "fa" ? "fa" : "en";
  return (
    <>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/events">{t("nav.events")}</Link>
      </nav>
      <div className="page-head">
        <RecordHeading item={{ name: e.title, nameFa: e.titleFa }} locale={locale} testId="event-title" />
        {can(actor, "registry.edit") && (
          <div className="page-actions">
            <Link href={`/events/${e.id}/edit`} className="button primary" data-testid="edit-event">
              {t("events.edit")}
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
        <div>
          <dt>{t("events.date")}</dt>
          <dd data-testid="event-date">
            <DateText input={e.dateStart} end={e.dateEnd} calendar={calendar} locale={locale} />
          </dd>
        </div>
        <div>
          <dt>{t("events.precision")}</dt>
          <dd>{t.has(`registry.precision.${e.precision}`) ? t(`registry.precision.${e.precision}`) : e.precision}</dd>
        </div>
        <div className="wide">
          <dt>{t("events.places")}</dt>
          <dd>
            {e.places.length ? (
              <ul className="inline-list">
                {e.places.map((p) => (
                  <li key={p.id}>
                    <BothNames item={p} locale={locale} first={(name) => <Link href={`/places/${p.id}`}>{name}</Link>} />
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t("common.none")}</span>
            )}
          </dd>
        </div>
        {e.source && (
          <div className="wide">
            <dt>{t("events.source")}</dt>
            <dd>
              <bdi>{e.source}</bdi>
            </dd>
          </div>
        )}
        <div>
          <dt>{t("registry.updated")}</dt>
          <dd>
            <DateTime value={e.updatedAt} />
          </dd>
        </div>
      </dl>
      {e.description && (
        <RegistrySection id="description" title={t("events.description")}>
          <p dir="auto" className="prose">
            {e.description}
          </p>
        </RegistrySection>
      )}
      <EventTestimony eventId={e.id} page={param(sp.testimonyPage)} personPage={param(sp.personsPage)} quotesOf={param(sp.quotesOf)} quotesPage={param(sp.quotesPage)} />
      <RecordHistory actor={actor} recordType="Event" recordId={e.id} />
    </>
  );
}
