import type { Metadata } from 'next';
import { SectionPending } from '@/components/layout/section-pending';

export const metadata: Metadata = { title: 'Config' };

export default function Page() {
  return (
    <SectionPending
      title="Config"
      description="Istio configuration across clusters, side by side."
      upcoming="It will list VirtualServices, DestinationRules, Gateways and the rest, per cluster, with a YAML view."
    />
  );
}
