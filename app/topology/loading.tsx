import { Skeleton } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <>
      <h1 className="text-lg font-semibold tracking-tight">Topology</h1>
      <Skeleton rows={8} label="Loading topology" />
    </>
  );
}
