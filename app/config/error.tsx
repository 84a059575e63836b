'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function ConfigError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="The config page failed" message={error.message} onRetry={reset} />;
}
