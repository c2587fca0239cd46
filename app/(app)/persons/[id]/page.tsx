import type { Metadata } from "next";
import { cache } from "react";
import { RecordHistory } from "@/app/_components/record-history";
import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { DateTime } from "@/app/_components/badges";
import { DateText } from "@/app/(app)/_components/registry/dates";
import { FaText, PositionTitle, RecordHeading } from "@/app/(app)/_components/registry/names";
import { RegistrySection } from "@/app/(app)/_components/registry/section";
import { BothTexts } from "@/app/(app)/_components/registry/both-texts";
import styles from "@/app/(app)/_components/registry/registry.module.css";
import { getCalendar } from "@/app/_lib/calendar";
import { orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { getPerson } from "@/lib/persons";
import { PersonAllegations } from "@/app/_components/graph/person-allegations";
import { readerName, readerTitle } from "@/app/_lib/reader-name";

// The title and the page read the same person once per request (the actor is cached per request too).
const personFor = cache((actor: Actor, personId: string) => getPerson({ actor, personId }));

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const actor = await getActor();
  const p = actor ? await personFor(actor, id).catch(() => null) : null;
  return { title: p ? readerName(p, await getLocale()) : (await getTranslations("persons"))("person") };
}

/**
 * A person's record. The main column is a stack of RegistrySection panels; sections about
 * this person from other parts of the graph (allegations, corroboration…) are added at the
 * marked spot at its end, one component each.
 */
export default async function PersonPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const saved = param(sp.saved) === "1";
  const actor = await requirePageActor(`/persons/${id}`);
  const [p, t, calendar, rawLocale] = await Promise.all([orHttpError(personFor(actor, id)), getTranslations(), getCalendar(), getLocale()]);
  const locale = rawLocale === "fa" ? "fa" : "en";
  return (
    <>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/persons">{t("nav.persons")}</Link>
      </nav>
      <div className="page-head">
        <RecordHeading item={p} locale={locale} testId="person-name" testIdFa="person-name-fa" />
        {can(actor, "registry.edit") && (
          <div className="page-actions">
            <Link href={`/persons/${p.id}/edit`} className="button primary" data-testid="edit-person">
              {t("persons.edit")}
            </Link>
            {can(actor, "dossier.edit") && <Link href={`/dossiers/new?person=${p.id}`} className="button" data-testid="build-dossier">{t("dossiers.buildDossier")}</Link>}
          </div>
        )}
      </div>
      {saved && (
        <div className="banner banner-ok" role="status" data-testid="form-ok">
          {t("registry.saved")}
        </div>
      )}

      <div data-testid="person-main">
        {(p.summary || p.summaryFa || p.statusNotes || p.statusNotesFa) && (
          <RegistrySection id="summary" title={t("persons.summary")}>
            {(p.summary || p.summaryFa) && <BothTexts en={p.summary} fa={p.summaryFa} locale={locale} inEnglish={t("persons.inEnglish")} testId="person-summary" />}
            {(p.statusNotes || p.statusNotesFa) && (
              <>
                <h3 className={styles.small}>{t("persons.statusNotes")}</h3>
                <BothTexts en={p.statusNotes} fa={p.statusNotesFa} locale={locale} inEnglish={t("persons.inEnglish")} testId="person-status-notes" />
              </>
            )}
          </RegistrySection>
        )}

        <RegistrySection id="names" title={t("persons.namesHeading")}>
          <div className="table-wrap">
            <table className="table compact" data-testid="alias-list">
              <thead>
                <tr>
                  <th scope="col">{t("persons.spelling")}</th>
                  <th scope="col">{t("persons.aliasNote")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>
                    <bdi>{p.name}</bdi>
                  </td>
                  <td className="muted">{t("persons.canonicalName")}</td>
                </tr>
                {p.nameFa && (
                  <tr>
                    <td>
                      <FaText>{p.nameFa}</FaText>
                    </td>
                    <td className="muted">{t("persons.nameFa")}</td>
                  </tr>
                )}
                {p.aliases.map((a, i) => (
                  <tr key={i} data-testid="alias-row">
                    <td>
                      <bdi dir="auto">{a.name}</bdi>
                    </td>
                    <td>{a.note ? <bdi dir="auto">{a.note}</bdi> : <span className="muted">{t("persons.noNote")}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </RegistrySection>

        <RegistrySection id="positions" title={t("persons.positions")}>
          {p.positions.length === 0 ? (
            <p className="muted">{t("persons.noPositions")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table compact" data-testid="position-list">
                <thead>
                  <tr>
                    <th scope="col">{t("persons.period")}</th>
                    <th scope="col">{t("persons.positionTitle")}</th>
                    <th scope="col">{t("persons.institution")}</th>
                    <th scope="col">{t("persons.place")}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.positions.map((x) => (
                    <tr key={x.id} data-testid="position-row">
                      <td>
                        <DateText input={x.from} end={x.to} open={!!x.from && !x.to} calendar={calendar} locale={locale} />
                      </td>
                      <td>
                        <PositionTitle position={x} locale={locale} />
                      </td>
                      <td>
                        <bdi dir="auto">{x.institution}</bdi>
                      </td>
                      <td>
                        <bdi dir="auto">{x.place}</bdi>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </RegistrySection>

        {p.defendantIn.length > 0 && (
          <RegistrySection id="proceedings" title={t("persons.defendantIn")}>
            <ul className="recent-list">
              {p.defendantIn.map((d) => {
                const status = readerName({ name: d.status, nameFa: d.statusFa }, locale);
                return (
                  <li key={d.id}>
                    <Link href={`/proceedings/${d.id}`} data-testid="defendant-in-link">
                      <bdi dir="auto">{readerTitle(d, locale)}</bdi>
                    </Link>
                    <div className="meta">
                      <span>{t.has(`proceedings.kinds.${d.kind}`) ? t(`proceedings.kinds.${d.kind}`) : d.kind}</span>
                      {status && <bdi dir="auto">{status}</bdi>}
                    </div>
                  </li>
                );
              })}
            </ul>
          </RegistrySection>
        )}

        {/* graph sections are added here: one component per section, e.g. <PersonAllegations personId={p.id} page={param(sp.allegationsPage)} />, each rendering a <RegistrySection>. */}
        <PersonAllegations personId={p.id} page={param(sp.allegationsPage)} quotes={{ event: param(sp.quotesEvent), type: param(sp.quotesType), page: param(sp.quotesPage) }} />
      </div>

      <dl className="facts" data-testid="person-facts">
        {p.source && (
          <div className="wide">
            <dt>{t("persons.source")}</dt>
            <dd>
              <bdi dir="auto">{p.source}</bdi>
            </dd>
          </div>
        )}
        <div>
          <dt>{t("registry.created")}</dt>
          <dd>
            <DateTime value={p.createdAt} />
          </dd>
        </div>
        <div>
          <dt>{t("registry.updated")}</dt>
          <dd>
            <DateTime value={p.updatedAt} />
          </dd>
        </div>
      </dl>
      <RecordHistory actor={actor} recordType="Person" recordId={p.id} />
    </>
  );
}
