import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { WorkspacesView } from '@/components/workspaces/workspaces-view';

export const metadata: Metadata = { title: 'Workspaces' };

/** /workspaces lists the caller's workspaces; /workspaces?workspace=<name> is one workspace (where a share link lands). */
export default async function WorkspacesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { workspace } = await searchParams;
  const one = typeof workspace === 'string' && workspace ? workspace : undefined;
  return (
    <>
      <PageHeader title={one ? `Workspace ${one}` : 'Workspaces'} description={one ? 'Health of the workspace\'s services and where they run.' : 'Groups of namespaces across clusters, and your role in each.'} />
      <WorkspacesView workspace={one} />
    </>
  );
}
