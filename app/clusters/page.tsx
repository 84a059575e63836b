import type { Metadata } from 'next';
import { ClustersView } from '@/components/clusters/clusters-view';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Clusters' };

export default function ClustersPage() {
  return (
    <>
      <PageHeader title="Clusters" description="Control planes, roots of trust, endpoint discovery, networks and gateways across the fleet." />
      <ClustersView />
    </>
  );
}
