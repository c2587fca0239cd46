// Axis scales for the claims chart: logarithmic when the estimates span an order of magnitude
// (the 1988 death-toll estimates run from 2,100 to 33,700), linear otherwise.

export type Scale = { kind: "log" | "linear"; min: number; max: number; ticks: number[]; at: (v: number) => number };

function niceStep(span: number, count: number): number {
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
}

/** `at` maps a value to 0…1 along the axis. */
export function makeScale(values: number[], kind?: "log" | "linear"): Scale {
  const positive = values.filter((v) => v > 0);
  const lo = positive.length ? Math.min(...positive) : 1;
  const hi = values.length ? Math.max(...values, 1) : 10;
  const useLog = kind ? kind === "log" && positive.length > 0 : hi / lo >= 5 && values.every((v) => v > 0);
  if (useLog) {
    const min = 10 ** Math.floor(Math.log10(lo));
    const max = 10 ** Math.ceil(Math.log10(hi * 1.05));
    const ticks: number[] = [];
    for (let d = min; d <= max; d *= 10) for (const m of [1, 2, 5]) if (d * m >= min && d * m <= max) ticks.push(d * m);
    return { kind: "log", min, max, ticks, at: (v) => (Math.log10(Math.max(v, min)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) };
  }
  const step = niceStep(hi || 1, 5);
  const max = Math.ceil((hi * 1.05) / step) * step || step;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) ticks.push(v);
  return { kind: "linear", min: 0, max, ticks, at: (v) => v / max };
}
