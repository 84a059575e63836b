import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TopologyView } from '@/components/topology/topology-view';
import { Skeleton } from '@/components/ui/skeleton';

export const metadata: Metadata = { title: 'Topology', description: "Traffic between workloads across clusters, from Istio's standard metrics." };

// No page header: the title sits in the graph's toolbar so the graph starts near the top of the screen.
export default function TopologyPage() {
  return (
    <Suspense
      fallback={
        <>
          <h1 className="text-lg font-semibold tracking-tight">Topology</h1>
          <Skeleton rows={8} label="Loading topology" />
        </>
      }
    >
      <TopologyView />
    </Suspense>
  );
}
