import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ConfigView } from '@/components/config/config-view';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';

export const metadata: Metadata = { title: 'Config' };

export default function ConfigPage() {
  return (
    <>
      <PageHeader title="Config" description="Istio and Admiral configuration across clusters; pick an object to compare it cluster by cluster." />
      <Suspense fallback={<Skeleton rows={8} label="Loading config" />}>
        <ConfigView />
      </Suspense>
    </>
  );
}
