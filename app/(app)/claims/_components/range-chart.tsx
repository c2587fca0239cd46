import type { ClaimOut } from "@/lib/claims";
import { makeScale } from "./scale";

// The competing claims of one topic as an SVG range chart: one row per claim, a bar from its low
// to its high figure, a dot for a single figure, an arrow for an open-ended claim ("at least
// N" runs off towards larger values, "at most N" towards smaller), coloured by the grade of the
// claim's source. In a right-to-left interface the whole chart is mirrored: labels on the right,
// values growing towards the left, digits in the reader's script.

export const GRADE_COLOURS: Record<string, string> = {
  A: "#2e7d4f",
  B: "#5f9a2f",
  C: "#b8860b",
  D: "#d0702c",
  E: "#b73a3a",
  F: "#6f6a8f",
  none: "#8a939e",
};

type Labels = {
  title: string;
  axis: string;
  atLeast: (n: string) => string;
  atMost: (n: string) => string;
  ungraded: string;
  sourceGrade: (grade: string) => string;
};

const W = 860;
const LABEL_W = 280;
const PAD = 16;
const ROW = 34;
const TOP = 12;
const AXIS_H = 52;

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function RangeChart({
  claims,
  rtl,
  num,
  year,
  labels,
  scaleKind,
}: {
  claims: ClaimOut[];
  rtl: boolean;
  num: (n: number) => string;
  year: (n: number) => string;
  labels: Labels;
  scaleKind?: "log" | "linear";
}) {
  const values = claims.flatMap((c) => [c.low, c.high].filter((v): v is number => v !== null));
  const scale = makeScale(values, scaleKind);
  const plotStart = LABEL_W + PAD;
  const plotEnd = W - PAD - 8;
  const plotW = plotEnd - plotStart;
  const H = TOP + claims.length * ROW + AXIS_H;
  // Logical x (0 = start side) to drawn x: mirrored in RTL.
  const X = (logical: number) => (rtl ? W - logical : logical);
  const V = (v: number) => X(plotStart + scale.at(v) * plotW);
  const dir = rtl ? "rtl" : "ltr";
  const axisY = TOP + claims.length * ROW + 4;

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-labelledby="claims-chart-title"
      data-testid="claims-chart"
      data-scale={scale.kind}
      style={{ maxInlineSize: `${W}px`, blockSize: "auto", fontFamily: "var(--font)" }}
    >
      <title id="claims-chart-title">{labels.title}</title>
      <defs>
        {Object.entries(GRADE_COLOURS).map(([k, c]) => (
          <marker key={k} id={`arrow-${k}`} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill={c} />
          </marker>
        ))}
      </defs>

      {/* grid and axis */}
      {scale.ticks.map((tv) => (
        <g key={tv}>
          <line x1={V(tv)} x2={V(tv)} y1={TOP - 4} y2={axisY} stroke="#e3e0da" strokeWidth={1} />
          <text x={V(tv)} y={axisY + 18} fontSize={12} textAnchor="middle" fill="#4a5361" direction={dir} data-testid="chart-tick">
            {num(tv)}
          </text>
        </g>
      ))}
      <line x1={X(plotStart)} x2={X(plotEnd)} y1={axisY} y2={axisY} stroke="#4a5361" strokeWidth={1} />
      <text x={X(plotStart + plotW / 2)} y={axisY + 40} fontSize={12.5} textAnchor="middle" fill="#4a5361" direction={dir}>
        {labels.axis}
      </text>

      {claims.map((c, i) => {
        const cy = TOP + i * ROW + ROW / 2;
        const gradeKey = c.source?.reliability ?? "none";
        const colour = GRADE_COLOURS[gradeKey] ?? GRADE_COLOURS.none;
        const who = `${c.claimedBy}${c.year ? ` (${year(c.year)})` : ""}`;
        const single = c.low !== null && c.high !== null && c.low === c.high;
        const atLeast = c.low !== null && c.high === null;
        const atMost = c.low === null && c.high !== null;
        const valueText = single
          ? num(c.low!)
          : atLeast
            ? labels.atLeast(num(c.low!))
            : atMost
              ? labels.atMost(num(c.high!))
              : `${num(c.low!)}–${num(c.high!)}`;
        const grade = c.source?.grade ? labels.sourceGrade(c.source.grade) : labels.ungraded;
        const tooltip = `${who}: ${valueText}${c.assertion ? ` — ${c.assertion}` : ""}${c.source ? ` · ${c.source.title}` : ""} · ${grade}`;
        // The far end of the mark (logical), to place the value label after it or, if no room, before it.
        const startL = plotStart + scale.at(c.low ?? scale.min) * plotW;
        const endL = atLeast ? plotEnd : plotStart + scale.at(c.high ?? c.low!) * plotW;
        const labelW = valueText.length * 7 + 10;
        const after = endL + 8 + labelW <= plotEnd + 4;
        return (
          <g
            key={c.id}
            data-testid="claim-mark"
            data-claim-id={c.id}
            data-kind={single ? "point" : atLeast ? "at-least" : atMost ? "at-most" : "range"}
            data-grade={c.source?.grade ?? ""}
          >
            <title>{tooltip}</title>
            {i % 2 === 0 && <rect x={0} y={cy - ROW / 2} width={W} height={ROW} fill="#f6f5f2" opacity={0.6} />}
            <text x={X(LABEL_W - 4)} y={cy + 4} fontSize={13} textAnchor="end" fill="#1d232b" direction={dir}>
              {truncate(who, 38)}
            </text>
            {single ? (
              <circle cx={V(c.low!)} cy={cy} r={6.5} fill={colour} stroke="#fff" strokeWidth={1.5} />
            ) : atLeast ? (
              <>
                <line x1={V(c.low!)} x2={X(plotEnd)} y1={cy} y2={cy} stroke={colour} strokeWidth={4} strokeDasharray="6 4" markerEnd={`url(#arrow-${gradeKey})`} />
                <circle cx={V(c.low!)} cy={cy} r={6} fill={colour} />
              </>
            ) : atMost ? (
              <>
                <line x1={V(c.high!)} x2={X(plotStart)} y1={cy} y2={cy} stroke={colour} strokeWidth={4} strokeDasharray="6 4" markerEnd={`url(#arrow-${gradeKey})`} />
                <circle cx={V(c.high!)} cy={cy} r={6} fill={colour} />
              </>
            ) : (
              <rect
                x={Math.min(V(c.low!), V(c.high!))}
                y={cy - 7}
                width={Math.max(Math.abs(V(c.high!) - V(c.low!)), 4)}
                height={14}
                rx={7}
                fill={colour}
              />
            )}
            <text
              x={X(after ? endL + 12 : startL - 12)}
              y={cy + 4}
              fontSize={12}
              textAnchor={after ? "start" : "end"}
              fill="#4a5361"
              direction={dir}
            >
              {valueText}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
