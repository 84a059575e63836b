import type { DataplaneSummary } from '@/lib/fleet/dataplane';
import { dataplaneCell } from '@/lib/ui/dataplane-view';
import { DataplaneBadge } from '@/components/ui/dataplane-badge';

export interface DataplaneCellProps {
  namespace: string;
  name: string;
  /** The row's distinct modes across its clusters (empty for a ServiceEntry). */
  modes: readonly DataplaneSummary[];
}

/** The services list's "Data plane" cell: a badge per mode, led by a warning 'mixed' when the clusters differ. */
export function DataplaneCell({ namespace, name, modes }: DataplaneCellProps) {
  const v = dataplaneCell(modes);
  return (
    <div role="cell" className="flex min-w-0 flex-wrap gap-1" data-testid={`dataplane-${namespace}-${name}`} data-differs={v.differs || undefined}>
      {v.modes.length === 0 ? <span className="text-sm text-slate-500 dark:text-slate-400">—</span> : null}
      {v.modes.map((m) => (
        <DataplaneBadge key={m} mode={m} title={m === 'mixed' ? v.why : undefined} />
      ))}
    </div>
  );
}
