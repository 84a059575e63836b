'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function TopologyError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="The topology page failed" message={error.message} onRetry={reset} />;
}
