import type { DataplaneSummary } from '@/lib/fleet/dataplane';
import { DATAPLANE_HINTS } from '@/lib/ui/dataplane-view';

export interface DataplaneBadgeProps {
  mode: DataplaneSummary;
  /** Tooltip instead of the mode's own hint (why a service is mixed). */
  title?: string;
}

const STYLE: Record<DataplaneSummary, string> = {
  sidecar: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
  ambient: 'bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200',
  none: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  mixed: 'bg-warn/25 font-semibold text-amber-900 dark:text-amber-200',
};

/** A data-plane mode as a pill with its name (colour is never the only signal); 'mixed' in the warning colour. */
export function DataplaneBadge({ mode, title }: DataplaneBadgeProps) {
  return (
    <span data-dataplane={mode} title={title ?? DATAPLANE_HINTS[mode]} className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs ${STYLE[mode]}`}>
      {mode}
    </span>
  );
}
