'use client';

import { useState } from 'react';
import type { CreatedShareLink } from '@/lib/api/workspaces-ui';

/** A link just created: the full URL (shown once), its expiry, and a copy button. */
export function CreatedLink({ created }: { created: CreatedShareLink }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  const url = typeof window === 'undefined' ? created.path : new URL(created.path, window.location.origin).toString();
  const copy = () => {
    navigator.clipboard.writeText(url).then(() => setCopied('yes'), () => setCopied('failed'));
  };
  return (
    <div role="status" className="space-y-2 rounded-md border border-green-300 bg-green-50 p-3 text-sm dark:border-green-900 dark:bg-green-950/40">
      <p className="font-medium text-green-900 dark:text-green-200">
        Share link to {created.link.workspace}, valid until <time dateTime={created.link.expiresAt}>{new Date(created.link.expiresAt).toLocaleString()}</time>. It is shown only now.
      </p>
      <div className="flex gap-2">
        <input readOnly value={url} aria-label="Share link" data-testid="share-link-url" onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-900" />
        <button type="button" onClick={copy} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-white dark:border-slate-700 dark:hover:bg-slate-800">
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === 'failed' ? <p className="text-red-700 dark:text-red-400">The browser refused the clipboard: select the link and copy it.</p> : null}
    </div>
  );
}
