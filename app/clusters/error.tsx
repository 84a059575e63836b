'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function ClustersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="The clusters page failed" message={error.message} onRetry={reset} />;
}
