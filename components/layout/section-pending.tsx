import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

export interface SectionPendingProps {
  title: string;
  description: string;
  /** What the user will find here once the section is built. */
  upcoming: string;
}

/** A section whose data views are not built yet: says so plainly instead of showing fake data. */
export function SectionPending({ title, description, upcoming }: SectionPendingProps) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState title={`The ${title.toLowerCase()} view is not available in this build yet`}>{upcoming}</EmptyState>
    </>
  );
}
