'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="This page failed to load" message={error.digest ? `${error.message} (ref ${error.digest})` : error.message} onRetry={reset} />;
}
