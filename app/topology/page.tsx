import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TopologyView } from '@/components/topology/topology-view';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';

export const metadata: Metadata = { title: 'Topology' };

export default function TopologyPage() {
  return (
    <>
      <PageHeader title="Topology" description="Traffic between workloads across clusters, from Istio's standard metrics." />
      <Suspense fallback={<Skeleton rows={8} label="Loading topology" />}>
        <TopologyView />
      </Suspense>
    </>
  );
}
