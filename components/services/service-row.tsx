import Link from 'next/link';
import { serviceHref } from '@/lib/ui/service-href';
import type { ServiceSignals } from '@/lib/api/telemetry';
import type { ServiceSummary } from '@/lib/fleet/services';
import { formatMs, formatPercent, formatRate } from '@/lib/ui/format';
import { errorBreakdown, errorPercent } from '@/lib/ui/signals';
import { HealthBadge } from '@/components/ui/health-badge';
import { DataplaneCell } from './dataplane-cell';

export interface ServiceRowProps {
  /** The row, with its signals summed over its mesh's clusters when telemetry is configured. */
  service: ServiceSummary;
  /** Per-cluster signals of this namespace/name (only the row's clusters are shown). */
  signals: ServiceSignals | undefined;
  /** False when no cluster has telemetry: the signals are zeros that mean "not measured", shown as "—". */
  telemetry?: boolean;
}

/** Column widths shared by the header and the virtual rows. */
export const SERVICE_GRID = 'grid grid-cols-[minmax(12rem,2fr)_minmax(16rem,3fr)_7rem_6rem_6rem_6rem_6rem] items-center gap-3 px-3';

/** The mesh as the list names it. */
export const meshLabel = (mesh: string) => (mesh ? `mesh ${mesh}` : 'no mesh ID');

/** One mesh's service: its clusters with health in each, and rate, errors and p95 over them. */
export function ServiceRow({ service: s, signals: given, telemetry = true }: ServiceRowProps) {
  // The row's own signals: another mesh's same-named service is another row, never summed in here.
  const signals = telemetry ? s.signals : undefined;
  const byCluster = new Map(given?.clusters.map((c) => [c.cluster, c]));
  const href = serviceHref(s.namespace, s.name, s.mesh || undefined);
  return (
    <>
      <div role="cell" className="min-w-0">
        <Link href={href} title={s.name} className="block truncate font-medium text-brand-600 hover:underline dark:text-sky-300">{s.name}</Link>
        <div className="truncate text-xs text-slate-500 dark:text-slate-400">
          {s.namespace}
          {' · '}
          <span className="rounded bg-slate-100 px-1 text-slate-700 dark:bg-slate-800 dark:text-slate-300" data-testid="service-mesh" data-mesh={s.mesh}>{meshLabel(s.mesh)}</span>
          {s.kind === 'ServiceEntry' ? ' · ServiceEntry' : ''}
          {s.inconsistencies.length ? <span className="text-amber-700 dark:text-amber-300" title={s.inconsistencies.join('; ')}> · differs across clusters</span> : null}
        </div>
      </div>
      <div role="cell" className="flex min-w-0 flex-wrap gap-1">
        {s.clusters.map((c) => {
          const h = byCluster.get(c)?.health;
          return (
            <span key={c} className="inline-flex items-center gap-1 text-xs" data-cluster={c} data-health={h?.status ?? 'unknown'}>
              <span className="text-slate-600 dark:text-slate-300">{c}</span>
              {h ? <HealthBadge status={h.status} reasons={h.reasons} label={c} /> : null}
            </span>
          );
        })}
      </div>
      <DataplaneCell namespace={s.namespace} name={s.name} modes={s.dataplanes} />
      <div role="cell" className="text-sm tabular-nums">{s.endpoints.ready}{s.endpoints.notReady ? <span className="text-amber-700 dark:text-amber-300"> +{s.endpoints.notReady}</span> : null}</div>
      <div role="cell" className="text-sm tabular-nums">{formatRate(signals?.rps)}</div>
      <div role="cell" className="text-sm tabular-nums" title={signals ? errorBreakdown(signals) : undefined}>{signals ? formatPercent(errorPercent(signals)) : '—'}</div>
      <div role="cell" className="text-sm tabular-nums">{formatMs(signals?.latencyMs.p95)}</div>
    </>
  );
}
