'use client';

import { useState } from 'react';
import { logout, useMe } from '@/lib/api/workspaces-ui';

/** The signed-in user and a Sign out button; nothing when no one is signed in (anonymous mode, share links). */
export function UserMenu() {
  const me = useMe();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const data = me.data;
  if (!data || data.kind !== 'user') return null;
  const signOut = async () => {
    setState('busy');
    try {
      const res = await logout(data);
      // The provider's end-session URL ends the login there too; else back to the start, which asks to log in again.
      window.location.assign(res.endSessionUrl ?? '/');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="max-w-48 truncate text-slate-700 dark:text-slate-300" title={data.user} data-testid="signed-in-user">
        <span className="sr-only">Signed in as </span>
        {data.name ?? data.user}
      </span>
      <button type="button" onClick={() => void signOut()} disabled={state === 'busy'} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800">
        {state === 'busy' ? 'Signing out…' : 'Sign out'}
      </button>
      {state === 'failed' ? <span role="alert" className="text-red-700 dark:text-red-400">Sign-out failed</span> : null}
    </div>
  );
}
