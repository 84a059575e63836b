import type { Metadata } from 'next';
import Link from 'next/link';
import { ServiceDetailView } from '@/components/service-detail/service-detail-view';
import { PageHeader } from '@/components/ui/page-header';

interface Props {
  params: Promise<{ namespace: string; name: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `${decodeURIComponent(p.name)}.${decodeURIComponent(p.namespace)}` };
}

export default async function ServicePage({ params }: Props) {
  const p = await params;
  const namespace = decodeURIComponent(p.namespace);
  const name = decodeURIComponent(p.name);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-1 text-xs text-slate-500 dark:text-slate-400">
        <Link href="/services" className="hover:underline">Services</Link> / {namespace}
      </nav>
      <PageHeader title={name} description={`Service ${name} in namespace ${namespace}, across the clusters of one mesh that have it.`} />
      <ServiceDetailView namespace={namespace} name={name} />
    </>
  );
}
