'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function ServiceError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="This service page failed" message={error.message} onRetry={reset} />;
}
