import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ChangesView } from '@/components/changes/changes-view';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';

export const metadata: Metadata = { title: 'Changes' };

export default function ChangesPage() {
  return (
    <>
      <PageHeader title="Changes" description="What changed across the fleet, and when: config, workloads, control planes, trust and cluster state." />
      <Suspense fallback={<Skeleton rows={8} label="Loading changes" />}>
        <ChangesView />
      </Suspense>
    </>
  );
}
