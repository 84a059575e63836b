import Link from 'next/link';
import type { ClusterStatus } from '@/lib/api/envelope';
import { clustersNeedingBanner, clusterStateTone } from '@/lib/ui/cluster-states';
import { formatAge } from '@/lib/ui/format';

export interface ClusterBannersProps {
  clusters: Record<string, ClusterStatus>;
}

const TONE = {
  warn: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200',
  fail: 'border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200',
  ok: '',
};

/** One banner per cluster that is not ok, with its reason and how old its data is; the page below still renders. */
export function ClusterBanners({ clusters }: ClusterBannersProps) {
  const banners = clustersNeedingBanner(clusters);
  if (banners.length === 0) return null;
  return (
    <div aria-label="Clusters with problems" role="group" className="mb-4 space-y-2">
      {banners.map((b) => (
        <div key={b.cluster} role="alert" data-testid={`cluster-banner-${b.cluster}`} className={`rounded-md border px-3 py-2 text-sm ${TONE[clusterStateTone(b.state)]}`}>
          <Link href={`/clusters/${encodeURIComponent(b.cluster)}`} className="font-semibold underline-offset-2 hover:underline">
            {b.cluster}
          </Link>{' '}
          is <strong>{b.state}</strong>
          {b.reason ? `: ${b.reason}` : ''}. Its data is {formatAge(b.dataAgeSeconds)} old; everything else on this page is current.
        </div>
      ))}
    </div>
  );
}
