import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { DateTime } from "@/app/_components/badges";
import { CopyButton } from "@/app/_components/exhibits/copy-button";
import { CustodyForm } from "@/app/_components/exhibits/custody-form";
import { ExhibitPreview } from "@/app/_components/exhibits/exhibit-preview";
import styles from "@/app/_components/exhibits/exhibits.module.css";
import { VerifyForm } from "@/app/_components/exhibits/verify-form";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getExhibit } from "@/lib/exhibits";
import { humanBytes } from "@/lib/exhibits/format";
import { NOTE_UPLOADED, NOTE_UPLOADED_AGAIN } from "@/lib/exhibits/schemas";
import { ClientMessages } from "@/app/_components/client-messages";
import { addCustodyEntryAction, verifyExhibitAction } from "../actions";
import { WitnessCode } from "@/app/_components/witness-code";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `${(await getTranslations("exhibits"))("exhibit")} ${id.slice(0, 8)}` };
}

const AUTO_NOTES: Record<string, string> = { [NOTE_UPLOADED]: "uploaded", [NOTE_UPLOADED_AGAIN]: "uploaded-again" };

export default async function ExhibitPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(`/exhibits/${id}`);
  const [e, t, locale] = await Promise.all([orHttpError(getExhibit({ actor, exhibitId: id })), getTranslations("exhibits"), getLocale()]);
  const firstStatement = e.linkDetails.find((l) => l.statementId);
  return (
    <ClientMessages namespaces={["exhibits"]}>
      <nav className="crumbs" aria-label={(await getTranslations("common"))("breadcrumbs")}>
        {firstStatement ? <Link href={`/statements/${firstStatement.statementId}`}>{t("backTo")}</Link> : <Link href="/statements">{t("title")}</Link>}
      </nav>
      <div className="page-head">
        <div>
          <h1 data-testid="exhibit-number">
            {t("exhibit")} <span dir="ltr">{e.number}</span>
          </h1>
          <p className="lead" dir="auto">
            {e.originalName}
          </p>
        </div>
        <div className="page-actions">
          <a href={e.fileUrl} className="button primary" download data-testid="exhibit-download">
            {t("download")}
          </a>
        </div>
      </div>

      <dl className="facts" data-testid="exhibit-facts">
        <div className="wide">
          <dt>{t("sha256")}</dt>
          <dd className={styles.hashLine}>
            <code className="hash-full" dir="ltr" data-copy-source={e.sha256} data-testid="exhibit-sha256">
              {e.sha256}
            </code>
            <CopyButton value={e.sha256} label={t("copyHash", { number: e.number })} />
          </dd>
        </div>
        <div>
          <dt>{t("type")}</dt>
          <dd>
            <code dir="ltr" data-testid="exhibit-mime">
              {e.mime}
            </code>
          </dd>
        </div>
        <div>
          <dt>{t("size")}</dt>
          <dd>
            <span>{humanBytes(e.size, locale)}</span>
          </dd>
        </div>
        <div>
          <dt>{t("added")}</dt>
          <dd>
            <DateTime value={e.createdAt} />
          </dd>
        </div>
        <div className="wide">
          <dt>{t("linkedTo")}</dt>
          <dd>
            <ul className="recent-list" data-testid="exhibit-links">
              {e.linkDetails.map((l) => (
                <li key={`${l.statementId}-${l.witnessId}`}>
                  {l.statementId ? (
                    <Link href={`/statements/${l.statementId}`} dir="auto" lang={l.statementLanguage ?? undefined}>
                      {t("statementLink", { title: l.statementTitle ?? "" })}
                    </Link>
                  ) : (
                    <span>{t.rich("witnessLink", { code: l.witnessCode ?? "", w: () => <WitnessCode code={l.witnessCode ?? ""} /> })}</span>
                  )}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {e.description && (
          <div className="wide">
            <dt>{t("description")}</dt>
            <dd dir="auto">{e.description}</dd>
          </div>
        )}
      </dl>

      <section className="panel" aria-labelledby="preview-heading">
        <h2 id="preview-heading">{t("preview")}</h2>
        <p className="muted">{t("originalNote")}</p>
        <ExhibitPreview id={e.id} number={e.number} mime={e.mime} />
      </section>

      <section className="panel" aria-labelledby="custody-heading">
        <h2 id="custody-heading">{t("custody.heading")}</h2>
        <p className="muted">{t("custody.intro")}</p>
        {e.custody.length === 0 ? (
          <p className="empty">{t("custody.empty")}</p>
        ) : (
          <ol className={styles.timeline} data-testid="custody-timeline">
            {e.custody.map((c) => {
              const bad = c.result === "MISMATCH" || c.result === "MISSING";
              const auto = AUTO_NOTES[c.note];
              return (
                <li key={c.id} className={`${styles.entry} ${bad ? styles.entryBad : ""}`} data-testid="custody-entry" data-kind={c.kind} data-result={c.result ?? undefined}>
                  <div className={styles.entryHead}>
                    <span className={styles.kind}>{t(`custody.kinds.${c.kind}`)}</span>
                    <DateTime value={c.at} />
                    {c.result && <span className={styles[`result-${c.result}`]}>{t(`custody.results.${c.result}`)}</span>}
                  </div>
                  <p className={styles.entryBody}>
                    <span dir="auto">{c.who}</span>
                    {c.place && (
                      <>
                        {" · "}
                        <span dir="auto">{c.place}</span>
                      </>
                    )}
                  </p>
                  {c.note && (
                    <p className={styles.entryBody} dir={auto ? undefined : "auto"}>
                      {auto ? t(`custody.autoNotes.${auto}`) : c.note}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      {can(actor, "exhibit.verify") && (
        <section className="panel" aria-labelledby="verify-heading">
          <h2 id="verify-heading">{t("verify.heading")}</h2>
          <p className="muted">{t("verify.intro")}</p>
          <VerifyForm verify={verifyExhibitAction.bind(null, e.id)} />
        </section>
      )}

      {can(actor, "exhibit.custody") && (
        <section className="panel" aria-labelledby="custody-add-heading">
          <h2 id="custody-add-heading">{t("custody.add")}</h2>
          <CustodyForm add={addCustodyEntryAction.bind(null, e.id)} />
        </section>
      )}
    </ClientMessages>
  );
}
