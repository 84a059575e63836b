import Link from 'next/link';
import type { ServiceSignals } from '@/lib/api/telemetry';
import type { ServiceDetail } from '@/lib/fleet/services';
import { formatMs, formatPercent, formatRate } from '@/lib/ui/format';
import { errorBreakdown, errorPercent } from '@/lib/ui/signals';
import { DataplaneBadge } from '@/components/ui/dataplane-badge';
import { HealthBadge } from '@/components/ui/health-badge';
import { panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';
import { WaypointCell } from './waypoint-cell';

export interface ClusterComparisonProps {
  service: ServiceDetail;
  signals: ServiceSignals | undefined;
  /** The cluster a link came for (?cluster=): its column is marked. */
  highlight?: string;
}

const MARKED = 'bg-sky-50 dark:bg-sky-950/40';
const DIFFERS = 'bg-warn/15';

/** A row: its label, each cluster's cell, and the data attributes of that cell. */
type Row = [string, (c: string) => React.ReactNode, ((c: string) => Record<string, string | undefined>)?];

/** "One cluster or all?": every cluster of the service side by side, one column each. */
export function ClusterComparison({ service, signals, highlight }: ClusterComparisonProps) {
  const clusters = [...new Set([...service.instances.map((i) => i.cluster), ...(signals?.clusters.map((c) => c.cluster) ?? [])])].sort();
  const inst = new Map(service.instances.map((i) => [i.cluster, i]));
  const sig = new Map(signals?.clusters.map((c) => [c.cluster, c]));
  // The data plane should be one mode in every cluster: a cluster that differs is tinted.
  const modes = new Set(service.instances.map((i) => i.dataplane));
  const rows: Row[] = [
    ['Health', (c) => { const h = sig.get(c)?.health; return h ? <><HealthBadge status={h.status} reasons={h.reasons} label={c} /><div className="mt-1 text-xs text-slate-500 dark:text-slate-400">{h.reasons.join('; ')}</div></> : '—'; }],
    ['Rate', (c) => formatRate(sig.get(c)?.signals.rps)],
    ['Error %', (c) => { const s = sig.get(c)?.signals; return s ? <span title={errorBreakdown(s)}>{formatPercent(errorPercent(s))}</span> : '—'; }],
    ['p50 / p95 / p99', (c) => { const l = sig.get(c)?.signals.latencyMs; return l ? `${formatMs(l.p50)} / ${formatMs(l.p95)} / ${formatMs(l.p99)}` : '—'; }],
    ['Endpoints', (c) => { const e = inst.get(c)?.endpoints; return e ? `${e.ready} ready${e.notReady ? `, ${e.notReady} not ready` : ''}` : 'no Service here'; }],
    ['Versions', (c) => inst.get(c)?.versions.join(', ') || '—'],
    ['Workloads', (c) => inst.get(c)?.workloads.map((w) => `${w.name} (${w.readyPods}/${w.pods})`).join(', ') || '—'],
    ['Proxies', (c) => { const p = inst.get(c)?.proxies; return p ? `${p.total} (${Object.entries(p.versions).map(([v, n]) => `${n}× ${v}`).join(', ') || 'none'})` : '—'; }],
    ['Data plane', (c) => { const m = inst.get(c)?.dataplane; return m ? <DataplaneBadge mode={m} /> : '—'; }, (c) => ({ 'data-dataplane': inst.get(c)?.dataplane, 'data-differs': modes.size > 1 ? 'true' : undefined })],
    ['Waypoint', (c) => <WaypointCell instance={inst.get(c)} />],
    ['Type / ports', (c) => { const i = inst.get(c); return i ? `${i.headless ? 'headless' : i.type} · ${i.ports.map((p) => `${p.port}/${p.protocol}`).join(', ')}` : '—'; }],
  ];
  return (
    <div className={`${panelClass} overflow-x-auto`}>
      <table className={tableClass} aria-label="Per-cluster comparison" data-testid="cluster-comparison">
        <thead className={theadClass}>
          <tr>
            <th className={thClass}><span className="sr-only">Signal</span></th>
            {clusters.map((c) => (
              <th key={c} className={`${thClass} ${c === highlight ? `${MARKED} text-sky-900 dark:text-sky-200` : ''}`} scope="col" data-highlighted={c === highlight || undefined}>
                <Link href={`/clusters/${encodeURIComponent(c)}`} className="hover:underline">{c}</Link>
                {c === highlight ? <span className="sr-only"> (the cluster you came for)</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, cell, attrs]) => (
            <tr key={label} className={rowClass} data-row={label}>
              <th scope="row" className={`${thClass} text-xs text-slate-500 dark:text-slate-400`}>{label}</th>
              {clusters.map((c) => {
                const a = attrs?.(c) ?? {};
                return (
                  <td key={c} className={`${tdClass} ${c === highlight ? MARKED : a['data-differs'] ? DIFFERS : ''}`} data-cluster={c} data-row={label} {...a}>{cell(c)}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
