'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function WorkspacesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="The workspaces page failed" message={error.message} onRetry={reset} />;
}
