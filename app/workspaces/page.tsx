import type { Metadata } from 'next';
import { SectionPending } from '@/components/layout/section-pending';

export const metadata: Metadata = { title: 'Workspaces' };

export default function Page() {
  return (
    <SectionPending
      title="Workspaces"
      description="Groups of namespaces across clusters, and who may see them."
      upcoming="It will list the workspaces defined in the configuration and their namespace selectors."
    />
  );
}
