import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { DateTime, ShortHash } from "@/app/_components/badges";
import { PageLinks, pageFromAddress } from "@/app/_components/page-links";
import { listPageHref, param, requirePageActor } from "@/app/_lib/page";
import { authorize, can } from "@/lib/auth/policy";
import { listAuditEvents } from "@/lib/audit/list-events";
import { auditCheckpoint } from "@/lib/audit/verify-chain";
import { actionLabel, recordHref, recordTypeLabel } from "@/app/_lib/audit-labels";
import { AuditExportNote } from "./_components/export-note";
import { AuditStatus, AuditStatusPending } from "./_components/audit-status";

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  // The page as a number, or the first (lib/audit takes a page past the last as the last). An
  // address of the old pager, ?before=SEQ, is moved to the page holding the events before SEQ.
  const asked = pageFromAddress(param(sp.page));
  const beforeRaw = param(sp.before);
  const before = beforeRaw && /^[1-9][0-9]{0,12}$/.test(beforeRaw) ? Number(beforeRaw) : undefined;
  // ?wait=1: the page is sent once the chain is verified, for a browser without JavaScript, which
  // cannot put the result in place of the pending status when it streams in.
  const wait = param(sp.wait) === "1";
  const href = listPageHref("/audit", {});
  const actor = await requirePageActor(href(asked));
  authorize(actor, "audit.verify");
  const mayRead = can(actor, "audit.read");
  // Redirected before the chain is verified, whose result a redirect would throw away.
  if (mayRead && before) redirect(href((await listAuditEvents({ actor, query: { page: asked, before, pageSize: PAGE_SIZE } })).page));
  // The event list and the head's number are quick; verifying the whole chain is not (seconds at a
  // million events): the page is sent without waiting for it, and its result streams in.
  const [head, events, t, tHistory, format] = await Promise.all([
    auditCheckpoint(),
    mayRead ? listAuditEvents({ actor, query: { page: asked, pageSize: PAGE_SIZE } }) : Promise.resolve(null),
    getTranslations(),
    getTranslations("history"),
    getFormatter(),
  ]);
  const newest = events?.items[0]?.seq;
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>

      {/* A live region already on the page when the result replaces the pending status, so that
          a screen reader announces the result (a region inserted with its text often is not). */}
      <div aria-live="polite">
        {wait ? (
          <AuditStatus />
        ) : (
          <Suspense fallback={<AuditStatusPending events={head.seq} waitHref={`${href(asked)}${asked > 1 ? "&" : "?"}wait=1`} />}>
            <AuditStatus />
          </Suspense>
        )}
      </div>

      <AuditExportNote actor={actor} />

      {!events ? (
        <p className="muted" data-testid="audit-no-read">
          {t("audit.noReadAccess")}
        </p>
      ) : (
        <section className="panel">
          <h2>{events.page > 1 && newest !== undefined ? t("audit.eventsBefore", { seq: newest + 1 }) : t("audit.latest")}</h2>
          {events.items.length === 0 ? (
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
                  {events.items.map((e) => (
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
                        {e.withheld ? (
                          <span className="record-ref" data-record-type={e.recordType} data-testid="audit-record-withheld">
                            <span title={e.recordType}>{recordTypeLabel(t, e.recordType)}</span> <span className="muted">{t(actor.role === "LEGAL" ? "audit.withheld" : "audit.withheldResearch")}</span>
                          </span>
                        ) : (
                          <AuditRecord type={e.recordType} id={e.recordId} action={e.action} label={recordTypeLabel(t, e.recordType)} />
                        )}
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
          {events.pages > 1 && <PageLinks page={events.page} pages={events.pages} href={href} label={t("common.pagination")} testId="audit-pager" t={t} />}
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
