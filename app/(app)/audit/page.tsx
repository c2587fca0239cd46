import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { DateTime, ShortHash } from "@/app/_components/badges";
import { param, requirePageActor } from "@/app/_lib/page";
import { authorize, can } from "@/lib/auth/policy";
import { listAuditEvents } from "@/lib/audit/list-events";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { actionLabel, recordHref, recordTypeLabel } from "@/app/_lib/audit-labels";
import { AuditExportNote } from "./_components/export-note";

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const beforeRaw = param(sp.before);
  const before = beforeRaw && /^[1-9][0-9]{0,12}$/.test(beforeRaw) ? Number(beforeRaw) : undefined;
  const actor = await requirePageActor(before ? `/audit?before=${before}` : "/audit");
  authorize(actor, "audit.verify");
  const mayRead = can(actor, "audit.read");
  const [result, events, t, tHistory, format] = await Promise.all([
    verifyAuditChain(),
    mayRead ? listAuditEvents({ actor, query: { before, pageSize: PAGE_SIZE } }) : Promise.resolve(null),
    getTranslations(),
    getTranslations("history"),
    getFormatter(),
  ]);
  const reasonKey = result.reason === "missing event" ? "missing" : result.reason === "broken link" ? "link" : "hash";
  const oldest = events && events.length > 0 ? events[events.length - 1].seq : undefined;
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>

      <section
        className={result.ok ? "audit-status audit-ok" : "audit-status audit-broken"}
        data-testid="audit-status"
        data-ok={result.ok ? "true" : "false"}
        role={result.ok ? "status" : "alert"}
      >
        <span className="audit-icon" aria-hidden="true" />
        <div>
          <p className="audit-headline">
            {result.ok ? t("audit.verified", { count: result.events }) : t("audit.broken", { seq: result.firstBad ?? 0 })}
          </p>
          <p className="audit-detail">
            {result.ok ? t("audit.verifiedDetail", { count: format.number(result.events) }) : t(`audit.brokenReason.${reasonKey}`, { count: result.events })}
          </p>
        </div>
      </section>

      <AuditExportNote actor={actor} />

      {!mayRead ? (
        <p className="muted" data-testid="audit-no-read">
          {t("audit.noReadAccess")}
        </p>
      ) : (
        <section className="panel">
          <h2>{before ? t("audit.eventsBefore", { seq: before }) : t("audit.latest")}</h2>
          {events && events.length === 0 ? (
            <p className="empty">{t("audit.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table compact" data-testid="audit-table">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t("audit.seq")}
                    </th>
                    <th scope="col">{t("audit.time")}</th>
                    <th scope="col">{t("audit.actor")}</th>
                    <th scope="col">{t("audit.action")}</th>
                    <th scope="col">{t("audit.record")}</th>
                    <th scope="col">{t("audit.hash")}</th>
                  </tr>
                </thead>
                <tbody>
                  {events?.map((e) => (
                    <tr key={e.seq} data-testid="audit-row" data-seq={e.seq}>
                      <td className="num">{format.number(e.seq, { useGrouping: false })}</td>
                      <td>
                        <DateTime value={e.at} seconds />
                      </td>
                      <td>
                        <bdi>{e.actorLabel}</bdi>
                      </td>
                      <td>
                        <span className="audit-action">
                          {actionLabel(tHistory, e.action)}
                          <code dir="ltr">{e.action}</code>
                        </span>
                      </td>
                      <td>
                        <AuditRecord type={e.recordType} id={e.recordId} action={e.action} label={recordTypeLabel(t, e.recordType)} />
                      </td>
                      <td>
                        <ShortHash hash={e.hash} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav className="pager" aria-label={t("common.pagination")} data-testid="audit-pager">
            {before ? (
              <Link href="/audit" className="button">
                {t("audit.newest")}
              </Link>
            ) : (
              <span />
            )}
            {oldest !== undefined && oldest > 1 && events && events.length === PAGE_SIZE ? (
              <Link href={`/audit?before=${oldest}`} className="button" rel="next">
                {t("audit.older")}
              </Link>
            ) : (
              <span />
            )}
          </nav>
        </section>
      )}
    </>
  );
}

/** The record an event names: its kind in the reader's words, and its id, opening its page where it has one. */
function AuditRecord({ type, id, action, label }: { type: string; id: string; action: string; label: string }) {
  const href = recordHref(type, id, action);
  return (
    <span className="record-ref" data-record-type={type}>
      <span title={type}>{label}</span>
      {href ? (
        <Link href={href} prefetch={false} dir="ltr">
          <code className="hash">{id}</code>
        </Link>
      ) : (
        <code className="hash" dir="ltr">
          {id}
        </code>
      )}
    </span>
  );
}
