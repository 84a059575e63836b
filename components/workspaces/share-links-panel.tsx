'use client';

import { useState, type FormEvent } from 'react';
import type { Me } from '@/lib/access/api';
import { useCreateShareLink, useRevokeShareLink, useShareLinks } from '@/lib/api/workspaces-ui';
import { QueryView } from '@/components/ui/query-view';
import { panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';
import { CreatedLink } from './created-link';

const TTLS = [1, 24, 72, 168] as const;
const field = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';
const button = 'rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800';

/** Create a read-only link to one of `workspaces` (admins, operators), and revoke active ones. */
export function ShareLinksPanel({ me, workspaces }: { me: Me | undefined; workspaces: string[] }) {
  const [workspace, setWorkspace] = useState(workspaces[0] ?? '');
  const [ttlHours, setTtl] = useState<number>(24);
  const create = useCreateShareLink(me);
  const revoke = useRevokeShareLink(me);
  const links = useShareLinks(true);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ workspace, ttlHours });
  };
  return (
    <section aria-labelledby="share-links-heading" className={`${panelClass} space-y-4 p-4`}>
      <h2 id="share-links-heading" className="text-lg font-semibold">Share links</h2>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        {workspaces.length > 1 ? (
          <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
            Workspace
            <select value={workspace} onChange={(e) => setWorkspace(e.target.value)} className={field}>
              {workspaces.map((w) => <option key={w}>{w}</option>)}
            </select>
          </label>
        ) : null}
        <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
          Valid for
          <select value={ttlHours} onChange={(e) => setTtl(Number(e.target.value))} className={field}>
            {TTLS.map((h) => <option key={h} value={h}>{h < 24 ? `${h} hour` : `${h / 24} day${h > 24 ? 's' : ''}`}</option>)}
          </select>
        </label>
        <button type="submit" disabled={!me || create.isPending} className={button}>
          {create.isPending ? 'Creating…' : workspaces.length > 1 ? 'Create share link' : `Create share link to ${workspace}`}
        </button>
      </form>
      {create.error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">Cannot create the link: {create.error.message}</p> : null}
      {create.data ? <CreatedLink created={create.data} /> : null}
      <QueryView query={links} what="share links" rows={2}>
        {({ items }) => {
          const active = items.filter((l) => !l.revokedAt && workspaces.includes(l.workspace));
          if (!active.length) return <p className="text-sm text-slate-500 dark:text-slate-400">No active share links.</p>;
          return (
            <table className={tableClass} aria-label="Active share links">
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className={thClass}>Workspace</th>
                  <th scope="col" className={thClass}>Created by</th>
                  <th scope="col" className={thClass}>Expires</th>
                  <th scope="col" className={thClass}><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {active.map((l) => (
                  <tr key={l.id} className={rowClass} data-testid="share-link-row">
                    <td className={tdClass}>{l.workspace}</td>
                    <td className={tdClass}>{l.createdBy}</td>
                    <td className={tdClass}><time dateTime={l.expiresAt}>{new Date(l.expiresAt).toLocaleString()}</time></td>
                    <td className={`${tdClass} text-right`}>
                      <button type="button" className={button} disabled={revoke.isPending} onClick={() => revoke.mutate(l.id)} aria-label={`Revoke the ${l.workspace} link created ${new Date(l.createdAt).toLocaleString()}`}>
                        Revoke
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </QueryView>
      {revoke.error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">Cannot revoke: {revoke.error.message}</p> : null}
    </section>
  );
}
