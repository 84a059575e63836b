import type { Metadata } from 'next';
import { ClusterDetailView } from '@/components/clusters/cluster-detail-view';
import { PageHeader } from '@/components/ui/page-header';

interface Props {
  params: Promise<{ name: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Cluster ${decodeURIComponent((await params).name)}` };
}

export default async function ClusterPage({ params }: Props) {
  const name = decodeURIComponent((await params).name);
  return (
    <>
      <PageHeader title={name} description="Connection, control planes, discovery, gateways, ambient mode, workloads and proxy sync of this cluster." />
      <ClusterDetailView name={name} />
    </>
  );
}
