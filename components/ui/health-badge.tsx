import type { HealthStatus } from '@/lib/health/health-status';

export interface HealthBadgeProps {
  status: HealthStatus;
  /** Why, shown as a tooltip. */
  reasons?: string[];
  /** Prefix for the accessible label, e.g. the cluster. */
  label?: string;
}

const STYLE: Record<HealthStatus, string> = {
  failure: 'bg-fail/15 text-red-800 dark:text-red-300',
  degraded: 'bg-warn/20 text-amber-900 dark:text-amber-200',
  'not-ready': 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-200',
  healthy: 'bg-ok/15 text-green-800 dark:text-green-300',
  idle: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  unknown: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
};
const DOT: Record<HealthStatus, string> = {
  failure: 'bg-fail',
  degraded: 'bg-warn',
  'not-ready': 'bg-slate-500',
  healthy: 'bg-ok',
  idle: 'bg-slate-400',
  unknown: 'bg-slate-300',
};

/** A health status as a coloured pill with words (colour is never the only signal). */
export function HealthBadge({ status, reasons, label }: HealthBadgeProps) {
  return (
    <span
      title={reasons?.length ? reasons.join('; ') : undefined}
      data-health={status}
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${STYLE[status]}`}
    >
      <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${DOT[status]}`} />
      {label ? <span className="sr-only">{label}: </span> : null}
      {status}
    </span>
  );
}
