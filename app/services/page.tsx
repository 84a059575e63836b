import type { Metadata } from 'next';
import { SectionPending } from '@/components/layout/section-pending';

export const metadata: Metadata = { title: 'Services' };

export default function Page() {
  return (
    <SectionPending
      title="Services"
      description="Global services: one row per namespace and name across every cluster."
      upcoming="It will list every global service with its clusters, health, request rate, error rate and latency."
    />
  );
}
