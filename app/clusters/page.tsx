import type { Metadata } from 'next';
import { SectionPending } from '@/components/layout/section-pending';

export const metadata: Metadata = { title: 'Clusters' };

export default function Page() {
  return (
    <SectionPending
      title="Clusters"
      description="Control planes, roots of trust, discovery and proxy sync per cluster."
      upcoming="It will list every cluster with its control planes, root certificate fingerprint, east-west gateway and proxy sync state."
    />
  );
}
