import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { RegistrySection } from "@/app/(app)/_components/registry/section";
import { StatusBadge } from "@/app/_components/badges";
import { getActor } from "@/lib/auth/session";
import { getProceedingEvidence } from "@/lib/corroboration";
import { ALLEGATION_TYPES } from "@/lib/links/schemas";
import { CountBadge } from "./counts";
import styles from "./graph.module.css";
import { QuoteList } from "./quote-list";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { readerName } from "@/app/_lib/reader-name";
import { WitnessCode } from "@/app/_components/witness-code";

/**
 * For the proceeding page: per defendant, which allegation types the testimony supports and
 * by how many independent verified witnesses; then the statements in evidence with their quotes,
 * a page at a time (lib bounds them: a defendant like Hamid Nouri is named in thousands of
 * statements); `page` is the proceeding page's `evidencePage`, the pages plain links.
 */
export async function ProceedingEvidence({ proceedingId, page }: { proceedingId: string; page?: string }) {
  const actor = await getActor();
  const [r, t, locale] = await Promise.all([getProceedingEvidence({ actor, proceedingId, page: pageFromAddress(page) }), getTranslations(), getLocale()]);
  const href = (n: number) => (n === 1 ? `/proceedings/${proceedingId}#evidence-list-heading` : `/proceedings/${proceedingId}?evidencePage=${n}#evidence-list-heading`);
  const fa = locale === "fa";
  const types = ALLEGATION_TYPES.filter((a) => r.defendants.some((d) => d.allegations.some((x) => x.allegationType === a)));
  return (
    <RegistrySection id="evidence" title={t("allegations.defendants")} testId="proceeding-evidence">
      <p className="muted">{t("allegations.defendantsIntro")}</p>
      {actor?.role === "LEGAL" && <p className="note">{t("allegations.legalNote")}</p>}
      {r.defendants.length === 0 ? (
        <p className="empty">{t("allegations.noDefendants")}</p>
      ) : (
        <div className="table-wrap">
          <table className={`table ${styles.defendantTable}`} data-testid="defendant-table">
            <thead>
              <tr>
                <th scope="col">{t("allegations.defendant")}</th>
                {types.map((a) => (
                  <th key={a} scope="col">
                    {t(`links.allegationTypes.${a}`)}
                  </th>
                ))}
                {types.length === 0 && <th scope="col">{t("allegations.allegation")}</th>}
              </tr>
            </thead>
            <tbody>
              {r.defendants.map((d) => (
                <tr key={d.person.id} data-testid="defendant-row" data-person-id={d.person.id}>
                  <th scope="row">
                    <Link href={`/persons/${d.person.id}`}>
                      <bdi>{readerName(d.person, locale)}</bdi>
                    </Link>
                  </th>
                  {types.map((a) => {
                    const c = d.allegations.find((x) => x.allegationType === a);
                    return <td key={a}>{c ? <CountBadge counts={c} testId="defendant-counts" /> : <span className="muted">—</span>}</td>;
                  })}
                  {types.length === 0 && <td className="muted">{t("allegations.defendantNone")}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 className={styles.subheading} id="evidence-list-heading">
        {t("allegations.evidence")}
      </h3>
      <p className="muted">{t("allegations.evidenceIntro")}</p>
      {r.pages.pages > 1 && (
        <p className="muted" data-testid="evidence-page-showing" data-statements-total={r.pages.statements}>
          {t("allegations.evidenceShowing", { from: (r.pages.page - 1) * r.pages.perPage + 1, to: (r.pages.page - 1) * r.pages.perPage + r.evidence.length, statements: r.pages.statements })}
        </p>
      )}
      {r.evidence.length === 0 ? (
        <p className="empty">{t("allegations.noEvidence")}</p>
      ) : (
        <ul className={styles.evidenceList} data-testid="evidence-list">
          {r.evidence.map((e) => (
            <li key={e.statement.id} className={styles.evidenceItem} data-testid="evidence-item">
              <p className={styles.evidenceHead}>
                <Link href={`/statements/${e.statement.id}`} dir="auto" lang={e.statement.language}>
                  {e.statement.title}
                </Link>
                <WitnessCode code={e.statement.witnessCode} />
                <StatusBadge status={e.statement.status} />
                {e.statement.fictional && <span className="badge badge-fictional">{t("common.fictional")}</span>}
                {e.taggedForProceeding && <span className={`badge ${styles.tagged}`}>{t("allegations.tagged")}</span>}
              </p>
              <details className={styles.details}>
                <summary>{t("allegations.quotes", { count: e.quotes.length })}</summary>
                <QuoteList quotes={e.quotes.map((q) => ({ ...q, person: { name: readerName(q.person, locale), nameFa: q.person.nameFa } }))} person />
              </details>
            </li>
          ))}
        </ul>
      )}
      {r.pages.pages > 1 && <PageLinks page={r.pages.page} pages={r.pages.pages} href={href} label={t("allegations.evidencePagerLabel")} testId="evidence-pager" t={t} />}
    </RegistrySection>
  );
}
