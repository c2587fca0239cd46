import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { readDate } from "@/app/(app)/_components/registry/dates";
import type { Calendar } from "@/lib/i18n/calendar";
import type { getCorroborationMatrix } from "@/lib/corroboration";
import styles from "./graph.module.css";
import { readerName, readerTitle } from "@/app/_lib/reader-name";

type Matrix = Awaited<ReturnType<typeof getCorroborationMatrix>>;

// Shades from the page's paper to its accent blue: the more independent verified witnesses, the darker.
const LIGHT = [238, 243, 248];
const DARK = [20, 56, 92];
export function shade(v: number, max: number): { background: string; color: string } {
  if (v <= 0 || max <= 0) return { background: "transparent", color: "inherit" };
  // Never as pale as an empty cell: the first witness already shows.
  const f = 0.25 + 0.75 * Math.min(1, v / max);
  const c = LIGHT.map((l, i) => Math.round(l + (DARK[i]! - l) * f));
  return { background: `rgb(${c.join(" ")})`, color: f > 0.55 ? "#fff" : "var(--ink)" };
}

/**
 * Persons × events as a shaded grid. A real table, so that screen readers announce row and
 * column for each cell, and so that it lays itself out right to left in Persian.
 */
export async function CorroborationMatrix({ matrix, calendar }: { matrix: Matrix; calendar: Calendar }) {
  const [t, locale] = await Promise.all([getTranslations("graph"), getLocale()]);
  const fa = locale === "fa";
  const read = (d: string | null) => readDate(d, { calendar, locale: fa ? "fa" : "en" });
  const nf = new Intl.NumberFormat(fa ? "fa-IR" : "en-GB");
  const columns = [...matrix.events.map((e) => ({ id: e.id as string | null, title: readerTitle(e, locale), dates: [read(e.dateStart), e.dateEnd && e.dateEnd !== e.dateStart ? read(e.dateEnd) : null].filter(Boolean).join(" – ") })), ...(matrix.hasNoEvent ? [{ id: null, title: t("noEvent"), dates: "" }] : [])];
  const byKey = new Map(matrix.cells.map((c) => [`${c.personId}|${c.eventId ?? ""}`, c]));
  const cell = (personId: string, eventId: string | null) => byKey.get(`${personId}|${eventId ?? ""}`);
  const filtered = !!(matrix.allegationType || matrix.person || matrix.event);
  if (matrix.persons.length === 0) return <p className="empty" data-testid="matrix-empty">{t(filtered ? "matrixNoMatch" : "empty")}</p>;
  const cut = matrix.totals.persons > matrix.persons.length || matrix.totals.events > matrix.events.length;
  const max = Math.max(1, matrix.maxVerified);
  const steps = [...new Set([1, Math.ceil(max / 3), Math.ceil((2 * max) / 3), max])].filter((x) => x >= 1 && x <= max);
  return (
    <>
      <p className="muted" data-testid="matrix-showing" data-persons={matrix.persons.length} data-persons-total={matrix.totals.persons} data-events={matrix.events.length} data-events-total={matrix.totals.events}>
        {cut
          ? t("matrixShowing", { persons: matrix.persons.length, personTotal: matrix.totals.persons, events: matrix.events.length, eventTotal: matrix.totals.events })
          : t("matrixAll", { persons: matrix.totals.persons, events: matrix.totals.events })}
        {cut && <> {t("matrixNarrow")}</>}
      </p>
      <div className={`table-wrap ${styles.matrixWrap}`}>
        <table className={styles.matrix} data-testid="matrix">
          <caption className="visually-hidden">{t("matrix")}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.corner}>
                {t("person")}
              </th>
              <th scope="col" className={`${styles.colHead} ${styles.totalHead}`}>
                <span className={styles.colTitle}>{t("personTotal")}</span>
              </th>
              {columns.map((c) => (
                <th key={c.id ?? "none"} scope="col" className={styles.colHead}>
                  <span className={styles.colTitle}>
                    <bdi>{c.title}</bdi>
                  </span>
                  {c.dates && (
                    <span className={styles.colDates}>
                      <bdi dir={fa ? "rtl" : "ltr"}>{c.dates}</bdi>
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.persons.map((p) => {
              const name = readerName(p, locale);
              return (
                <tr key={p.id} data-testid="matrix-row" data-person-id={p.id}>
                  <th scope="row" className={styles.rowHead}>
                    <Link href={`/persons/${p.id}`}>
                      <bdi>{name}</bdi>
                    </Link>
                  </th>
                  <td
                    className={styles.totalCell}
                    aria-label={t("personTotalLabel", { person: name, verified: p.totals.verifiedWitnesses, unverified: p.totals.unverifiedWitnesses })}
                    data-testid="matrix-person-total"
                    data-verified={p.totals.verifiedWitnesses}
                    data-unverified={p.totals.unverifiedWitnesses}
                  >
                    <span aria-hidden="true">
                      <span className={styles.cellNumber}>{nf.format(p.totals.verifiedWitnesses)}</span>
                      {p.totals.unverifiedWitnesses > 0 && <span className={styles.cellPlus}>+{nf.format(p.totals.unverifiedWitnesses)}</span>}
                    </span>
                  </td>
                  {columns.map((c) => {
                    const x = cell(p.id, c.id);
                    // An empty cell is a bare <td>: a screen reader names it by its row and column
                    // headers (th scope) and reads it as blank, which the legend calls "no link";
                    // its look is the table's (td:empty). A page shows hundreds of them.
                    if (!x) return <td key={c.id ?? "none"} />;
                    const v = x.verifiedWitnesses;
                    const u = x.unverifiedWitnesses;
                    const label = t("cellLabel", { person: name, event: c.title, verified: v, unverified: u });
                    return (
                      <td
                        key={c.id ?? "none"}
                        className={`${styles.cell}${v === 0 ? ` ${styles.cellUnverifiedOnly}` : ""}`}
                        style={shade(v, max)}
                        title={label}
                        data-testid="matrix-cell"
                        data-event-id={c.id ?? ""}
                        data-verified={v}
                        data-unverified={u}
                      >
                        {/* To the person's allegations for this event, where the quotes open on demand.
                            The link's name says person, event and counts, wherever the reader meets it. */}
                        <Link href={`/persons/${p.id}#${c.id ? `event-${c.id}` : "event-none"}`} className={styles.cellLink} aria-label={t("cellOpen", { label })}>
                          <span aria-hidden="true">
                            <span className={styles.cellNumber}>{nf.format(v)}</span>
                            {u > 0 && <span className={styles.cellPlus}>+{nf.format(u)}</span>}
                          </span>
                        </Link>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className={styles.legend} aria-label={t("legend")} role="group">
        <span className={styles.legendTitle}>{t("legend")}:</span>
        <span className={styles.legendItem}>
          <span className={`${styles.swatch} ${styles.cellEmpty}`} aria-hidden="true" />
          {t("legendNone")}
        </span>
        {steps.map((s) => (
          <span key={s} className={styles.legendItem}>
            <span className={styles.swatch} style={shade(s, max)} aria-hidden="true">
              {nf.format(s)}
            </span>
          </span>
        ))}
        <span className={styles.legendItem}>{t("legendVerified")}</span>
        <span className={styles.legendItem}>
          <span className={`${styles.swatch} ${styles.cellUnverifiedOnly}`} aria-hidden="true">
            <span className={styles.cellPlus}>+{nf.format(1)}</span>
          </span>
          {t("legendUnverified")}
        </span>
      </div>
    </>
  );
}
