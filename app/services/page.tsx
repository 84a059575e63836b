import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ServicesView } from '@/components/services/services-view';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';

export const metadata: Metadata = { title: 'Services' };

export default function ServicesPage() {
  return (
    <>
      <PageHeader title="Services" description="One row per service in each mesh (the same namespace and name in that mesh's clusters), with health per cluster." />
      <Suspense fallback={<Skeleton rows={8} label="Loading services" />}>
        <ServicesView />
      </Suspense>
    </>
  );
}
