'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function ClusterError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="This cluster page failed" message={error.message} onRetry={reset} />;
}
