import type { Metadata } from 'next';
import { SectionPending } from '@/components/layout/section-pending';

export const metadata: Metadata = { title: 'Topology' };

export default function Page() {
  return (
    <SectionPending
      title="Topology"
      description="The traffic graph of the fleet, with cluster and namespace boxes."
      upcoming="It will draw the fleet's traffic graph from Istio's standard metrics."
    />
  );
}
