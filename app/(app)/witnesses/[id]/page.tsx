import type { Metadata } from "next";
import { RecordHistory } from "@/app/_components/record-history";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { DateTime, FictionalBadge, ProtectionBadge, StatusBadge } from "@/app/_components/badges";
import { getCalendar } from "@/app/_lib/calendar";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { CONSENT_SCOPES, IDENTITY_FIELDS } from "@/lib/witnesses/identity";
import { CONSENT_METHODS, getWitness, PROTECTION_LEVELS } from "@/lib/witnesses/witnesses";
import { ConsentGrantForm, WithdrawConsentForm } from "./_components/consent-forms";
import { RevealForm } from "./_components/reveal-form";
import { IdentityForm, ProtectionForm } from "./_components/witness-edit-forms";
import { ClientMessages } from "@/app/_components/client-messages";
import { recordConsentAction, revealIdentityAction, updateIdentityAction, updateWitnessAction, withdrawConsentAction } from "../actions";
import { WitnessCode } from "@/app/_components/witness-code";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // The code only: a page title ends up in history and bookmarks.
  return { title: (await getTranslations("witness"))("metaTitle") };
}

// The witness record. Identity is never part of this page's render: only which fields are
// recorded. The reveal form's server action answers with the values, once, to an entitled
// reader who gave a reason (see ../actions.ts).
export default async function WitnessPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(`/witnesses/${id}`);
  const [w, t, format, calendar] = await Promise.all([orHttpError(getWitness({ actor, witnessId: id })), getTranslations(), getFormatter(), getCalendar()]);
  const active = new Set(w.activeConsent);
  return (
    <ClientMessages namespaces={["witness", "witnesses", "protection"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/witnesses">{t("nav.witnesses")}</Link>
      </nav>
      <div className="page-head">
        <div>
          <h1 data-testid="witness-heading">
            {t("witness.heading")} <WitnessCode code={w.code} />
          </h1>
          <div className="badges">
            <ProtectionBadge level={w.protectionLevel} />
            {w.fictional && <FictionalBadge />}
          </div>
        </div>
        {can(actor, "statement.create") && !w.researchWithdrawn && (
          <div className="page-actions">
            <Link href={`/statements/new?witnessId=${w.id}`} className="button primary">
              {t("witnesses.addStatement")}
            </Link>
          </div>
        )}
      </div>

      {w.fictional && (
        <aside className="note note-fictional" data-testid="fictional-note">
          {t("witness.fictionalNote")}
        </aside>
      )}

      <dl className="facts" data-testid="witness-facts">
        <div>
          <dt>{t("witnesses.code")}</dt>
          <dd>
            <WitnessCode code={w.code} />
          </dd>
        </div>
        {w.sameAs && (
          <div>
            <dt>{t("witness.sameAs")}</dt>
            <dd data-testid="witness-same-as">
              <WitnessCode code={w.sameAs.code} href={`/witnesses/${w.sameAs.id}`} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t("witnesses.protectionLevel")}</dt>
          <dd data-testid="protection-level" data-level={w.protectionLevel}>
            <ProtectionBadge level={w.protectionLevel} />
          </dd>
        </div>
        <div>
          <dt>{t("witnesses.registered")}</dt>
          <dd>
            <DateTime value={w.createdAt} dateOnly calendar={calendar} />
          </dd>
        </div>
        <div>
          <dt>{t("witness.registeredBy")}</dt>
          <dd>
            <bdi>{w.createdBy.name}</bdi>
          </dd>
        </div>
        <div className="wide">
          <dt>{t("witness.consent.inForce")}</dt>
          <dd data-testid="consent-in-force">
            {w.activeConsent.length ? (
              <span className="badges">
                {CONSENT_SCOPES.filter((s) => active.has(s)).map((s) => (
                  <span key={s} className="badge badge-active" data-scope={s}>
                    {t(`witness.consent.scopes.${s}`)}
                  </span>
                ))}
              </span>
            ) : (
              <span className="muted">{t(w.researchWithdrawn ? "witness.consent.noneInForceWithdrawn" : "witness.consent.noneInForce")}</span>
            )}
          </dd>
        </div>
      </dl>

      <section className="panel" aria-labelledby="protection-heading" data-testid="protection-panel">
        <h2 id="protection-heading">{t("witnesses.protectionLevel")}</h2>
        <p className="protection-explained">
          <ProtectionBadge level={w.protectionLevel} /> <span>{t(`witness.levelExplained.${w.protectionLevel}`)}</span>
        </p>
        <details className="disclosure">
          <summary>{t("witness.levelsAll")}</summary>
          <dl className="level-list">
            {PROTECTION_LEVELS.map((l) => (
              <div key={l}>
                <dt>
                  <ProtectionBadge level={l} />
                </dt>
                <dd>{t(`witness.levelExplained.${l}`)}</dd>
              </div>
            ))}
          </dl>
        </details>
        {w.notes && (
          <>
            <h3>{t("witnesses.notes")}</h3>
            <p dir="auto" className="prose" data-testid="witness-notes">
              {w.notes}
            </p>
          </>
        )}
        {w.mayEdit && (
          <details className="disclosure" data-testid="edit-protection">
            <summary>{t("witness.editProtection")}</summary>
            <ProtectionForm update={updateWitnessAction.bind(null, w.id)} levels={PROTECTION_LEVELS} initial={{ protectionLevel: w.protectionLevel, notes: w.notes, sameAsCode: w.sameAs?.code ?? "" }} />
          </details>
        )}
      </section>

      <section className="panel panel-protected" aria-labelledby="identity-heading" data-testid="identity-panel">
        <h2 id="identity-heading">{t("witness.identity.heading")}</h2>
        <p className="muted">{t("witness.identity.intro")}</p>
        <ul className="identity-list" data-testid="identity-fields">
          {IDENTITY_FIELDS.map((f) => {
            const recorded = w.identityFields.includes(f);
            return (
              <li key={f} data-field={f} data-recorded={recorded} className={recorded ? "is-recorded" : undefined}>
                <span className="identity-mark" aria-hidden="true">
                  {recorded ? "●" : "○"}
                </span>
                <span>{t(`witness.identity.fields.${f}`)}</span>
                <span className="muted">{recorded ? t("witness.identity.recorded") : t("witness.identity.notRecorded")}</span>
              </li>
            );
          })}
        </ul>
        {w.identityFields.length === 0 ? (
          <p className="muted">{t("witness.identity.noneRecorded")}</p>
        ) : w.mayReveal ? (
          <RevealForm reveal={revealIdentityAction.bind(null, w.id)} />
        ) : (
          <p className="muted" data-testid="reveal-not-allowed">
            {t("witness.reveal.notAllowed")}
          </p>
        )}
        {w.mayEdit && (
          <details className="disclosure" data-testid="edit-identity">
            <summary>{t("witness.identity.edit")}</summary>
            <IdentityForm update={updateIdentityAction.bind(null, w.id)} recorded={w.identityFields} />
          </details>
        )}
      </section>

      <section className="panel" aria-labelledby="consent-heading" data-testid="consent-panel">
        <h2 id="consent-heading">{t("witness.consent.heading")}</h2>
        <p className="muted">{t("witness.consent.intro")}</p>
        {w.consents.length === 0 ? (
          <p className="empty">{t("witness.consent.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="consent-list">
              <thead>
                <tr>
                  <th scope="col">{t("witness.consent.scope")}</th>
                  <th scope="col">{t("witness.consent.givenAt")}</th>
                  <th scope="col">{t("witness.consent.method")}</th>
                  <th scope="col">{t("witness.consent.recordedBy")}</th>
                  <th scope="col">{t("witness.consent.state")}</th>
                </tr>
              </thead>
              <tbody>
                {w.consents.map((c) => {
                  const inForce = !c.withdrawnAt;
                  return (
                    <tr key={c.id} className={inForce ? "consent-in-force" : "consent-withdrawn"} data-testid="consent-row" data-scope={c.scope} data-in-force={inForce}>
                      <th scope="row">
                        {t(`witness.consent.scopes.${c.scope}`)}
                        {c.note && (
                          <p className="cell-note" dir="auto">
                            {c.note}
                          </p>
                        )}
                      </th>
                      <td>
                        <DateTime value={c.givenAt} dateOnly calendar={calendar} />
                      </td>
                      <td>{t(`witness.consent.methods.${c.method}`)}</td>
                      <td>
                        <bdi>{c.recordedBy.name}</bdi>
                        <div className="muted small">
                          <DateTime value={c.createdAt} calendar={calendar} />
                        </div>
                      </td>
                      <td>
                        {inForce ? (
                          <>
                            <span className="badge badge-active">{t("witness.consent.inForceBadge")}</span>
                            {w.mayEdit && <WithdrawConsentForm withdraw={withdrawConsentAction.bind(null, w.id, c.id)} scope={c.scope} />}
                          </>
                        ) : (
                          <>
                            <span className="badge badge-withdrawn">{t("witness.consent.withdrawnBadge")}</span>
                            <div className="small" data-testid="consent-withdrawn">
                              {t.rich("witness.consent.withdrawnWhen", {
                                date: () => <DateTime value={c.withdrawnAt!} calendar={calendar} />,
                                name: () => <bdi>{c.withdrawnBy?.name ?? ""}</bdi>,
                              })}
                            </div>
                            {c.withdrawNote && (
                              <p className="cell-note" dir="auto">
                                {c.withdrawNote}
                              </p>
                            )}
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {w.mayEdit && (
          <details className="disclosure" data-testid="record-consent">
            <summary>{t("witness.consent.record")}</summary>
            <ConsentGrantForm record={recordConsentAction.bind(null, w.id)} scopes={CONSENT_SCOPES} methods={CONSENT_METHODS} />
          </details>
        )}
      </section>

      <section className="panel" aria-labelledby="statements-heading" data-testid="witness-statements">
        <h2 id="statements-heading">{t("witnesses.statements")}</h2>
        {w.testimonyWithheld ? (
          <p className="note" data-testid="testimony-withheld">
            {t("witness.testimonyWithheld")}
          </p>
        ) : w.statements.length === 0 ? (
          <p className="empty">{t("witness.noStatements")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("statements.titleField")}</th>
                  <th scope="col">{t("statements.language")}</th>
                  <th scope="col">{t("statements.status")}</th>
                  <th scope="col" className="num">
                    {t("statements.revisionShort")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {w.statements.map((s) => (
                  <tr key={s.id} data-testid="witness-statement-row">
                    <td>
                      <Link href={`/statements/${s.id}`} dir="auto" lang={s.language} className="record-title">
                        {s.title}
                      </Link>
                    </td>
                    <td>{t(`languages.${s.language === "fa" ? "fa" : "en"}`)}</td>
                    <td>
                      <StatusBadge status={s.status} />
                    </td>
                    <td className="num">{format.number(s.revisionNumber)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {!w.testimonyWithheld && (
          <p className="panel-foot">
            <Link href={`/exhibits?witnessId=${encodeURIComponent(w.id)}`}>{t("witness.exhibitsLink")}</Link>
          </p>
        )}
      </section>
      <RecordHistory actor={actor} recordType="Witness" recordId={w.id} />
    </ClientMessages>
  );
}
