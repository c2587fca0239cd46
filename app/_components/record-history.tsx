import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import type { Actor } from "@/lib/auth/actor";
import { getRecordHistory, isBlank, type FieldChange } from "@/lib/audit/record-history";
import { toAppError } from "@/lib/http";
import { actionLabel } from "@/app/_lib/audit-labels";
import { getCalendar } from "@/app/_lib/calendar";
import { DateText, readDate } from "@/app/(app)/_components/registry/dates";
import { PositionTitle } from "@/app/(app)/_components/registry/names";
import type { Calendar } from "@/lib/i18n/calendar";
import { direction } from "@/lib/i18n/config";
import { DateTime, ShortHash } from "./badges";
import styles from "./record-history.module.css";

/** Message prefixes for fields whose values are codes, by record type ("*": any type). */
const VALUE_MESSAGES: Record<string, Record<string, string>> = {
  "*": { protectionLevel: "protection" },
  Witness: {
    consents: "witness.consent.scopes",
    scope: "witness.consent.scopes",
    method: "witness.consent.methods",
    identityFields: "witness.identity.fields",
    identityFieldsChanged: "witness.identity.fields",
    fields: "witness.identity.fields",
  },
  Proceeding: { kind: "proceedings.kinds" },
  Event: { precision: "registry.precision" },
};

/**
 * The audit events of one record, oldest first: who, when, what, and each field's value before
 * and after. Shown to whoever may read the record (lib/audit/record-history.ts says why); the
 * audit data never holds protected identity or testimony text, only hashes of it.
 */
export async function RecordHistory({ actor, recordType, recordId, open = false }: { actor: Actor; recordType: string; recordId: string; open?: boolean }) {
  const [t, tStatus, tAll, format, locale, calendar] = await Promise.all([getTranslations("history"), getTranslations("statuses"), getTranslations(), getFormatter(), getLocale(), getCalendar()]);
  // A list of values with the reader's comma (Persian ،).
  const sep = locale === "fa" ? "، " : ", ";
  // Numbers in the reader's digits; years and sequence-like numbers without grouping.
  const num = (field: string, v: unknown) => (typeof v === "number" ? format.number(v, { useGrouping: field !== "year" && field !== "revision" }) : v);
  // Workflow states read as the badges elsewhere do.
  const status = (field: string, v: unknown) => ((field === "status" || field === "decision") && typeof v === "string" && tStatus.has(v) ? tStatus(v) : v);
  // Codes the payload keeps (PROTECTED, LEGAL_SHARING, legalName) read as the forms name them;
  // a code without a message is shown as stored.
  const coded = VALUE_MESSAGES[recordType] ?? {};
  const named = (field: string, v: unknown): unknown => {
    const prefix = coded[field] ?? VALUE_MESSAGES["*"]![field];
    if (!prefix) return v;
    const one = (x: unknown) => (typeof x === "string" && tAll.has(`${prefix}.${x}`) ? tAll(`${prefix}.${x}`) : x);
    return Array.isArray(v) ? v.map(one) : one(v);
  };
  let events;
  try {
    events = await getRecordHistory({ actor, recordType, recordId });
  } catch (e) {
    const app = toAppError(e);
    if (app?.code === "FORBIDDEN" || app?.code === "NOT_FOUND") return null;
    throw e;
  }
  const label = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
  return (
    <details className={styles.history} open={open} data-testid="record-history" id="history">
      <summary>{t("summary", { count: events.length })}</summary>
      {events.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ol className={styles.events}>
          {events.map((e) => (
            <li key={e.seq} className={styles.event} data-testid="history-event" data-action={e.action}>
              <div className={styles.head}>
                <span className={styles.action}>{actionLabel(t, e.action)}</span>
                <span className={styles.who}>
                  {e.actor.label === "system" ? t("system") : <bdi title={e.actor.label}>{e.actor.name ?? e.actor.label}</bdi>}
                </span>
                <DateTime value={e.at} seconds />
                <span className={styles.seq}>
                  {t("seq", { seq: e.seq })} <ShortHash hash={e.hash} length={10} />
                </span>
              </div>
              {e.changes.length > 0 && (
                <table className={styles.changes} data-testid="history-changes">
                  <thead>
                    <tr>
                      <th scope="col">{t("field")}</th>
                      <th scope="col">{t("before")}</th>
                      <th scope="col">{t("after")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.changes.map((c) => (
                      <tr key={c.field} data-field={c.field}>
                        <th scope="row">{c.field === "" ? t("value") : label(`fields.${c.field.replace(/\./g, "_")}`, c.field)}</th>
                        {(["before", "after"] as const).map((side) => (
                          <td key={side}>
                            {isPositionList(c.field, c[side]) ? (
                              <Positions change={c} side={side} sep={sep} none={t("none")} calendar={calendar} locale={locale === "fa" ? "fa" : "en"} />
                            ) : isTimeline(recordType, c.field, c[side]) ? (
                              <Timeline change={c} side={side} sep={sep} calendar={calendar} locale={locale === "fa" ? "fa" : "en"} />
                            ) : c.date && typeof c[side] === "string" && c[side] !== "" ? (
                              <DateValue change={c} side={side} calendar={calendar} locale={locale === "fa" ? "fa" : "en"} />
                            ) : (
                              <Value change={{ ...c, [side]: num(c.field, status(c.field, named(c.field, c[side]))) }} side={side} sep={sep} none={t("none")} yes={t("yes")} no={t("no")} />
                            )}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

function plain(x: unknown): string {
  if (typeof x !== "object" || x === null) return String(x);
  const parts = Object.values(x).filter((y) => y !== null && y !== undefined && y !== "");
  return parts.every((y) => typeof y !== "object") ? parts.join(" · ") : JSON.stringify(x);
}

type PositionValue = { title: string; titleFa?: string; institution?: string; place?: string; from?: string | null; to?: string | null };

/** A person's positions as the audit keeps them (personAuditView): a list of { title, titleFa, institution, place, from, to }. */
function isPositionList(field: string, v: unknown): v is PositionValue[] {
  return field === "positions" && Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "object" && x !== null && typeof (x as { title?: unknown }).title === "string");
}

/** Positions read as the person page reads them: the title in the reader's language, where, and when (in the reader's calendar). */
function Positions({ change, side, sep, none, calendar, locale }: { change: FieldChange; side: "before" | "after"; sep: string; none: string; calendar: Calendar; locale: "en" | "fa" }) {
  const v = change[side] as PositionValue[];
  const cls = side === "before" && change.kind === "changed" ? styles.before : side === "after" ? styles.after : "";
  return (
    <ul className={`${styles.items} ${cls}`} data-testid="history-positions">
      {v.map((p, i) => {
        const where = [p.institution, p.place].filter((x): x is string => !!x);
        return (
          <li key={i} data-testid="history-position">
            <PositionTitle position={{ title: p.title, titleFa: p.titleFa ?? "" }} locale={locale} />
            {where.length > 0 && (
              <>
                {sep}
                <bdi dir="auto">{where.join(sep)}</bdi>
              </>
            )}{" "}
            <span className={styles.when}>
              {p.from || p.to ? <DateText input={p.from ?? null} end={p.to ?? null} open={!!p.from && !p.to} calendar={calendar} locale={locale} /> : none}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

type TimelineValue = { date: string; what?: string; whatFa?: string; source?: string | null };

/** A proceeding's timeline as the audit keeps it: a list of { date, what, whatFa, source } (whatFa since proceedings have Persian texts). */
function isTimeline(recordType: string, field: string, v: unknown): v is TimelineValue[] {
  return recordType === "Proceeding" && field === "timeline" && Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "object" && x !== null && typeof (x as { date?: unknown }).date === "string");
}

/** Timeline entries read as the proceeding page reads them: the date in the reader's calendar, what happened, and the source. */
function Timeline({ change, side, sep, calendar, locale }: { change: FieldChange; side: "before" | "after"; sep: string; calendar: Calendar; locale: "en" | "fa" }) {
  const v = change[side] as TimelineValue[];
  const cls = side === "before" && change.kind === "changed" ? styles.before : side === "after" ? styles.after : "";
  return (
    <ul className={`${styles.items} ${cls}`} data-testid="history-timeline">
      {v.map((e, i) => (
        <li key={i} data-testid="history-timeline-entry">
          <span className={styles.when}>
            <DateText input={e.date} calendar={calendar} locale={locale} />
          </span>
          {e.what && (
            <>
              {sep}
              <bdi dir="auto">{e.what}</bdi>
            </>
          )}
          {e.whatFa && (
            <>
              {sep}
              <bdi lang="fa" dir="rtl" data-testid="history-timeline-what-fa">
                {e.whatFa}
              </bdi>
            </>
          )}
          {e.source && (
            <>
              {sep}
              <bdi dir="auto" className={styles.source}>
                {e.source}
              </bdi>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * A date field (lib/audit/record-history's dateKind) read as the record's page reads it: a date
 * as typed in the reader's calendar and digits, with what was typed when it was given in the other
 * calendar; a derived day in the reader's calendar alone; a timestamp as its day in that calendar.
 */
function DateValue({ change, side, calendar, locale }: { change: FieldChange; side: "before" | "after"; calendar: Calendar; locale: "en" | "fa" }) {
  const v = change[side] as string;
  const cls = side === "before" && change.kind === "changed" ? styles.before : side === "after" ? styles.after : "";
  const moment = change.date === "moment";
  if (moment && Number.isNaN(Date.parse(v))) return <bdi className={cls}>{v}</bdi>;
  return (
    <span className={cls} data-testid="history-date">
      {moment ? (
        <DateTime value={v} dateOnly calendar={calendar} />
      ) : change.date === "day" ? (
        <bdi title={v} dir={direction(locale)}>
          {readDate(v, { calendar, locale })}
        </bdi>
      ) : (
        <DateText input={v} calendar={calendar} locale={locale} />
      )}
    </span>
  );
}

function Value({ change, side, sep, none, yes, no }: { change: FieldChange; side: "before" | "after"; sep: string; none: string; yes: string; no: string }) {
  const v = change[side];
  if (isBlank(v)) return <span className={styles.none}>{none}</span>;
  const cls = `${styles.value} ${side === "before" && change.kind === "changed" ? styles.before : side === "after" ? styles.after : ""}`;
  if (typeof v === "boolean") return <span className={cls}>{v ? yes : no}</span>;
  if (typeof v === "string" && /^[0-9a-f]{64}$/.test(v)) return <ShortHash hash={v} />;
  // A list of small records (a person's aliases { name, note }, a proceeding's timeline) reads as
  // their values, not as JSON.
  const text = typeof v === "string" ? v : Array.isArray(v) ? v.map(plain).join(sep) : plain(v);
  return (
    <bdi className={cls} dir="auto">
      {text.length > 400 ? `${text.slice(0, 400)}…` : text}
    </bdi>
  );
}
