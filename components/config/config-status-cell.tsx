import { describeFailure, type MergedStatus } from '@/lib/fleet/config-status';

export interface ConfigStatusCellProps {
  object: { kind: string; namespace: string; name: string };
  status: MergedStatus | undefined;
}

/** An object's status over its clusters: ok, or each failing condition (per route parent) with its cluster and reason. */
export function ConfigStatusCell({ object: o, status: s }: ConfigStatusCellProps) {
  if (!s) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return (
    <div data-testid={`config-status-${o.kind}-${o.namespace}-${o.name}`} data-status={s.state} className="text-xs">
      {s.state === 'ok' ? (
        <span className="text-green-800 dark:text-green-300">ok</span>
      ) : (
        <ul className="space-y-0.5 font-semibold text-red-800 dark:text-red-300">
          {s.failing.map((f, i) => (
            <li key={i} title={f.message}>{describeFailure(f)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
