import { OverviewView } from '@/components/overview/overview-view';
import { PageHeader } from '@/components/ui/page-header';

export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Fleet overview" description="Every mesh and cluster Meshglass watches, and what needs attention." />
      <OverviewView />
    </>
  );
}
