import { HEALTH_COLOURS } from '@/lib/topology-view/style';

const ITEMS = [
  ['healthy', 'Healthy'],
  ['degraded', 'Degraded'],
  ['failure', 'Failing'],
  ['idle', 'Idle / no data'],
] as const;

/** What colours, dashes, casings and shapes mean: one line under the graph, never over it. */
export function TopologyLegend() {
  return (
    <section aria-label="Legend" className="flex flex-wrap items-center gap-x-3 gap-y-0.5 text-[11px] text-slate-600 dark:text-slate-300">
      {ITEMS.map(([k, label]) => (
        <span key={k} className="flex items-center gap-1">
          <svg width="16" height="8" aria-hidden="true"><line x1="0" y1="4" x2="16" y2="4" stroke={HEALTH_COLOURS[k]} strokeWidth="3" /></svg>
          {label}
        </span>
      ))}
      <span className="flex items-center gap-1">
        <svg width="16" height="8" aria-hidden="true"><line x1="0" y1="4" x2="16" y2="4" stroke="#64748b" strokeWidth="2" strokeDasharray="4 2" /></svg>
        Cross-cluster
      </span>
      <span className="flex items-center gap-1" title="Ambient traffic carried by ztunnel over HBONE (mutual TLS), directly or through a waypoint">
        <svg width="16" height="8" aria-hidden="true">
          <line x1="0" y1="4" x2="16" y2="4" className="stroke-violet-600 dark:stroke-violet-400" strokeWidth="6" />
          <line x1="0" y1="4" x2="16" y2="4" stroke="#64748b" strokeWidth="2" />
        </svg>
        HBONE
      </span>
      <span title="Solid boxes are clusters, dashed boxes namespaces; a waypoint is an ambient L7 proxy between its clients and services">○ workload △ service ◇ gateway ⬡ waypoint ▭ app</span>
    </section>
  );
}
