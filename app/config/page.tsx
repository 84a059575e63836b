import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ConfigView } from '@/components/config/config-view';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';

export const metadata: Metadata = { title: 'Config' };

export default function ConfigPage() {
  return (
    <>
      <PageHeader title="Config" description="Istio, Gateway API and Admiral configuration across clusters, with each object's status; pick one to compare it cluster by cluster." />
      <Suspense fallback={<Skeleton rows={8} label="Loading config" />}>
        <ConfigView />
      </Suspense>
    </>
  );
}
