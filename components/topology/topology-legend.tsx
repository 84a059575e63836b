import { HEALTH_COLOURS } from '@/lib/topology-view/style';

const ITEMS = [
  ['healthy', 'Healthy'],
  ['degraded', 'Degraded'],
  ['failure', 'Failing'],
  ['idle', 'Idle / no data'],
] as const;

/** What colours, dashes and shapes mean. */
export function TopologyLegend() {
  return (
    <section aria-label="Legend" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
      {ITEMS.map(([k, label]) => (
        <span key={k} className="flex items-center gap-1">
          <svg width="22" height="8" aria-hidden="true"><line x1="0" y1="4" x2="22" y2="4" stroke={HEALTH_COLOURS[k]} strokeWidth="3" /></svg>
          {label}
        </span>
      ))}
      <span className="flex items-center gap-1">
        <svg width="22" height="8" aria-hidden="true"><line x1="0" y1="4" x2="22" y2="4" stroke="#64748b" strokeWidth="2" strokeDasharray="5 3" /></svg>
        Cross-cluster
      </span>
      <span>○ workload · △ service · ◇ gateway · ▭ app · outer box cluster · dashed box namespace</span>
    </section>
  );
}
