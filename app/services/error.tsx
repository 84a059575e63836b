'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function ServicesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="The services page failed" message={error.message} onRetry={reset} />;
}
