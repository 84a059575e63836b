/** Pure geometry for the hand-written SVG line charts. */

export interface ChartSeries {
  label: string;
  points: readonly (readonly [number, number])[];
}

export interface ChartGeometry {
  paths: { label: string; d: string }[];
  /** Y axis ticks: value and y position. */
  yTicks: { value: number; y: number }[];
  xRange: [number, number];
  yMax: number;
}

/** A "nice" ceiling (1, 2, 2.5, 5 x 10^n) so axis labels read cleanly. */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const exp = 10 ** Math.floor(Math.log10(v));
  const f = v / exp;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * exp;
}

/**
 * Lays series out in a width x height box (y grows down); gaps in time (> 2.5 steps) break the line.
 * `alsoX`: times the x axis must reach too (a change marked after the last sample).
 */
export function chartGeometry(series: readonly ChartSeries[], width: number, height: number, stepSeconds: number, alsoX: readonly number[] = []): ChartGeometry {
  const all = series.flatMap((s) => s.points);
  const xs = [...all.map((p) => p[0]), ...(all.length ? alsoX : [])];
  const x0 = xs.length ? Math.min(...xs) : 0;
  const x1 = xs.length ? Math.max(...xs) : 1;
  const yMax = niceCeil(Math.max(0, ...all.map((p) => p[1]).filter(Number.isFinite)));
  const sx = (x: number) => (x1 === x0 ? width / 2 : ((x - x0) / (x1 - x0)) * width);
  const sy = (y: number) => height - (y / yMax) * height;
  const r = (n: number) => Math.round(n * 10) / 10;
  const paths = series.map((s) => {
    let d = '';
    let prev: number | undefined;
    for (const [x, y] of s.points) {
      if (!Number.isFinite(y)) {
        prev = undefined;
        continue;
      }
      const jump = prev === undefined || x - prev > stepSeconds * 2.5;
      d += `${jump ? 'M' : 'L'}${r(sx(x))},${r(sy(y))}`;
      prev = x;
    }
    return { label: s.label, d };
  });
  const yTicks = [0, 0.5, 1].map((f) => ({ value: yMax * f, y: r(sy(yMax * f)) }));
  return { paths, yTicks, xRange: [x0, x1], yMax };
}
