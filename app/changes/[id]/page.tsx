import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangeDetailView } from '@/components/changes/change-detail-view';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Change' };

export default async function ChangePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <PageHeader title={`Change ${id}`} actions={<Link href="/changes" className="text-sm text-brand-600 hover:underline dark:text-sky-300">All changes</Link>} />
      <ChangeDetailView id={id} />
    </>
  );
}
