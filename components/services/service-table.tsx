'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { meshServiceKey, type ServiceSignals } from '@/lib/api/telemetry';
import type { ServiceSummary } from '@/lib/fleet/services';
import { SERVICE_GRID, ServiceRow } from './service-row';

export interface ServiceTableProps {
  rows: ServiceSummary[];
  /** Matches on the server, loaded or not: the scrollbar is sized for all of them. */
  total: number;
  /** Per-cluster signals by `meshServiceKey` (one mesh's service). */
  signals: Map<string, ServiceSignals>;
  /** Whether any cluster's telemetry is configured: without it, rates are not 0 but unknown. */
  telemetry: boolean;
  hasMore: boolean;
  loadMore: () => void;
}

const ROW_HEIGHT = 52;

/**
 * Test ids by row: `service-row-<ns>-<name>` for the first row of a namespace/name, and
 * `service-row-<ns>-<name>-in-<mesh>` for the same name in further meshes, so the first
 * stays the one id it always was (other specs find rows by it) and each id stays unique.
 */
export function rowTestIds(rows: readonly ServiceSummary[]): string[] {
  const seen = new Set<string>();
  return rows.map((s) => {
    const base = `service-row-${s.namespace}-${s.name}`;
    if (!seen.has(base)) {
      seen.add(base);
      return base;
    }
    return `${base}-in-${s.mesh || 'no-mesh'}${s.kind === 'ServiceEntry' ? '-entry' : ''}`;
  });
}

/** A virtualised table: only the rows in view are in the DOM, and further pages load as the end comes near. */
export function ServiceTable({ rows, total, signals, telemetry, hasMore, loadMore }: ServiceTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are not memoised; nothing here memoises them either
  const virtual = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtual.getVirtualItems();
  const testIds = useMemo(() => rowTestIds(rows), [rows]);
  const last = items[items.length - 1];
  if (last && hasMore && last.index >= rows.length - 50) loadMore();
  return (
    <div role="table" aria-label="Services" aria-rowcount={total} className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div role="rowgroup">
        <div role="row" className={`${SERVICE_GRID} border-b border-slate-200 py-2 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-700 dark:text-slate-400`}>
          <div role="columnheader">Service</div>
          <div role="columnheader">Clusters and health</div>
          <div role="columnheader">Data plane</div>
          <div role="columnheader">Endpoints</div>
          <div role="columnheader">Rate</div>
          <div role="columnheader">Error %</div>
          <div role="columnheader">p95</div>
        </div>
      </div>
      <div ref={scroller} role="rowgroup" data-testid="services-scroller" className="h-[calc(100vh-19rem)] min-h-64 overflow-auto">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const s = rows[v.index];
            return (
              <div
                key={v.key}
                role="row"
                aria-rowindex={v.index + 2}
                data-testid={s ? testIds[v.index] : undefined}
                data-mesh={s?.mesh}
                className={`${SERVICE_GRID} absolute inset-x-0 border-b border-slate-100 dark:border-slate-800`}
                style={{ height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}
              >
                {s ? <ServiceRow service={s} signals={signals.get(meshServiceKey(s))} telemetry={telemetry} /> : <div role="cell" className="col-span-7 h-4 animate-pulse rounded bg-slate-100 dark:bg-slate-800" aria-label="Loading row" />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
