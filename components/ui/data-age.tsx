import type { ClusterStatus } from '@/lib/api/envelope';
import { oldestDataAge } from '@/lib/ui/cluster-states';
import { formatAge } from '@/lib/ui/format';

export interface DataAgeProps {
  clusters: Record<string, ClusterStatus>;
  revision: number;
}

/** "Data up to 3 s old · revision 172": how fresh the answer on screen is. */
export function DataAge({ clusters, revision }: DataAgeProps) {
  const age = oldestDataAge(clusters);
  return (
    <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="data-age">
      Data up to {formatAge(age)} old · revision {revision}
    </p>
  );
}
