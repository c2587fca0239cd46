import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { DateTime, FictionalBadge, ShortHash } from "@/app/_components/badges";
import { getCalendar } from "@/app/_lib/calendar";
import { orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { compareRevisions } from "@/lib/statements/compare-revisions";
import { getStatement } from "@/lib/statements/statements";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statements"))("compareTitle") };
}

const revisionNumber = (v: string | undefined) => (v && /^[1-9][0-9]{0,8}$/.test(v) ? Number(v) : undefined);

export default async function CompareRevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const from = revisionNumber(param(sp.from));
  const to = revisionNumber(param(sp.to));
  if (from === undefined || to === undefined) notFound();
  const actor = await requirePageActor(`/statements/${id}/compare?from=${from}&to=${to}`);
  // Dates in the comparison read in the reader's chosen calendar, as on the statement page.
  const reading = { calendar: await getCalendar(), locale: (await getLocale()) === "fa" ? ("fa" as const) : ("en" as const) };
  const [s, cmp, t] = await Promise.all([
    orHttpError(getStatement({ actor, statementId: id })),
    orHttpError(compareRevisions({ actor, statementId: id, from, to, reading })),
    getTranslations(),
  ]);
  const authorOf = (n: number) => s.revisions.find((r) => r.number === n)?.author.name ?? "";
  const changed = cmp.fields.filter((f) => f.changed);
  return (
    <>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/statements">{t("nav.statements")}</Link>
        <Link href={`/statements/${s.id}`} dir="auto" lang={s.language}>
          {s.title}
        </Link>
      </nav>
      <h1>{t("statements.compareHeading", { from, to })}</h1>
      {s.fictional && (
        <div className="badges">
          <FictionalBadge />
        </div>
      )}
      <div className="compare-heads">
        {[cmp.from, cmp.to].map((r) => (
          <div key={r.number} className="facts compare-head">
            <div>
              <dt>{t("statements.revision")}</dt>
              <dd>
                <Link href={`/statements/${s.id}/revisions/${r.number}`}>{r.number}</Link>
              </dd>
            </div>
            <div>
              <dt>{t("statements.savedBy")}</dt>
              <dd>
                <bdi>{authorOf(r.number)}</bdi>
              </dd>
            </div>
            <div>
              <dt>{t("statements.savedAt")}</dt>
              <dd>
                <DateTime value={r.createdAt} />
              </dd>
            </div>
            <div>
              <dt>{t("statements.contentHash")}</dt>
              <dd>
                <ShortHash hash={r.contentHash} />
              </dd>
            </div>
            <div className="wide">
              <dt>{t("statements.reason")}</dt>
              <dd>
                <bdi>{r.number === 1 && r.reason === "created" ? t("statements.reasonCreated") : r.reason}</bdi>
              </dd>
            </div>
          </div>
        ))}
      </div>
      <p className="muted diff-legend">
        <del>{t("statements.diffRemoved")}</del> <ins>{t("statements.diffAdded")}</ins>
      </p>
      {changed.length === 0 ? (
        <p className="empty" data-testid="diff-none">
          {t("statements.noDifferences")}
        </p>
      ) : (
        changed.map((f) => (
          <section className="panel" key={f.field} data-testid="diff-field" data-field={f.field}>
            <h2>{t.has(`statements.fieldNames.${f.field}`) ? t(`statements.fieldNames.${f.field}`) : f.field}</h2>
            <div dir="auto" lang={s.language} className="testimony diff">
              {f.parts.map((p, i) => (p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}
            </div>
          </section>
        ))
      )}
    </>
  );
}
