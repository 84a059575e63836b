import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FindingsView } from '@/components/findings/findings-view';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';

export const metadata: Metadata = { title: 'Findings' };

export default function FindingsPage() {
  return (
    <>
      <PageHeader title="Findings" description="What the analysis finds in the fleet's configuration: Istio's analyzers (IST codes) in every cluster, and Meshglass's rules across clusters (MG codes)." />
      <Suspense fallback={<Skeleton rows={8} label="Loading findings" />}>
        <FindingsView />
      </Suspense>
    </>
  );
}
