import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound() {
  return (
    <EmptyState title="Nothing here">
      This address matches no page or object in the fleet. <Link className="underline" href="/">Back to the overview</Link>
    </EmptyState>
  );
}
