import { chartGeometry, type ChartSeries } from '@/lib/ui/chart';

/** A change drawn on the chart: a dashed line at its time, in its cluster's colour. */
export interface ChartMarker {
  id: string;
  /** Unix seconds, as the series' x values. */
  at: number;
  cluster: string;
  label: string;
}

export interface SignalChartProps {
  title: string;
  series: ChartSeries[];
  stepSeconds: number;
  format: (v: number) => string;
  markers?: readonly ChartMarker[];
}

const W = 320;
const H = 120;
/** Series colours by position; the legend names them, so colour is not the only cue. */
export const SERIES_COLOURS = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2'];

/** A small multi-series line chart, one line per cluster, drawn as plain SVG. */
export function SignalChart({ title, series, stepSeconds, format, markers = [] }: SignalChartProps) {
  // The axis spans the samples and the marked changes: a change before the first sample or after the last still shows.
  const g = chartGeometry(series, W, H, stepSeconds, markers.map((m) => m.at));
  const [x0, x1] = g.xRange;
  const colourOf = (cluster: string) => {
    const i = series.findIndex((s) => s.label === cluster);
    return i < 0 ? '#64748b' : SERIES_COLOURS[i % SERIES_COLOURS.length];
  };
  const shown = markers.filter((m) => m.at >= x0 && m.at <= x1 && x1 > x0);
  const empty = series.every((s) => s.points.length === 0);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <figcaption className="mb-2 text-xs font-semibold">{title}</figcaption>
      {empty ? (
        <p className="flex h-[120px] items-center justify-center text-xs text-slate-500 dark:text-slate-400">No samples in this range</p>
      ) : (
        // The markers are links: they sit in their own layer over the picture, as an image may hold nothing interactive.
        <div className="relative">
          <svg viewBox={`-44 -6 ${W + 50} ${H + 12}`} role="img" aria-label={`${title} per cluster`} className="w-full">
            {g.yTicks.map((t) => (
              <g key={t.value}>
                <line x1={0} x2={W} y1={t.y} y2={t.y} className="stroke-slate-200 dark:stroke-slate-700" strokeWidth={1} />
                <text x={-6} y={t.y + 3} textAnchor="end" className="fill-slate-500 text-[10px] dark:fill-slate-400">{format(t.value)}</text>
              </g>
            ))}
            {g.paths.map((p, i) => (
              <path key={p.label} d={p.d} fill="none" stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]} strokeWidth={1.8} strokeLinejoin="round" />
            ))}
          </svg>
          {shown.length > 0 && (
            <svg viewBox={`-44 -6 ${W + 50} ${H + 12}`} role="group" aria-label={`Changes on ${title}`} className="absolute inset-0 h-full w-full">
              {shown.map((m) => {
                const x = Math.round(((m.at - x0) / (x1 - x0)) * W * 10) / 10;
                return (
                  <a key={m.id} href={`/changes/${m.id}`} data-testid="change-marker" data-cluster={m.cluster} aria-label={`${m.cluster}: ${m.label}`}>
                    <title>{`${new Date(m.at * 1000).toLocaleTimeString()} ${m.cluster}: ${m.label}`}</title>
                    <line x1={x} x2={x} y1={0} y2={H} stroke={colourOf(m.cluster)} strokeWidth={1.2} strokeDasharray="3 2" />
                    <path d={`M${x - 4},-6L${x + 4},-6L${x},0Z`} fill={colourOf(m.cluster)} />
                    <rect x={x - 5} y={-6} width={10} height={H + 6} fill="transparent" />
                  </a>
                );
              })}
            </svg>
          )}
        </div>
      )}
      <ul className="mt-1 flex flex-wrap gap-x-3 text-xs">
        {series.map((s, i) => (
          <li key={s.label} className="flex items-center gap-1">
            <svg width="10" height="10" aria-hidden="true"><rect width="10" height="3" y="4" fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} /></svg>
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
