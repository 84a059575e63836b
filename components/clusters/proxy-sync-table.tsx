'use client';

import { useState } from 'react';
import { useProxies } from '@/lib/api/proxies';
import type { ProxyStatus, ProxySyncKnowledge } from '@/lib/fleet/controlplanes';
import { QueryView } from '@/components/ui/query-view';
import { panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';

export interface ProxySyncTableProps {
  cluster: string;
}

const TYPES = ['cds', 'lds', 'eds', 'rds', 'ecds'] as const;
const STATES = ['', 'STALE', 'NOT SENT', 'SYNCED'] as const;
const cellTone = (s: ProxyStatus['overall']) =>
  s === 'SYNCED' ? 'text-slate-600 dark:text-slate-400' : 'bg-warn/20 font-semibold text-amber-900 dark:text-amber-200';

/** When istiod could not be asked, an empty table means "unknown", not "no proxies": say so, with the pods' count. */
export function SyncUnknownNote({ sync, sidecars }: { sync: ProxySyncKnowledge | undefined; sidecars: number }) {
  if (!sync || sync.state === 'ok') return null;
  const why = sync.state === 'pending' ? 'istiod has not been polled yet' : `istiod could not be polled: ${sync.reason ?? 'no reason given'}`;
  return (
    <p role="status" className="mb-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
      Sync state unknown: {why}. {sidecars.toLocaleString('en-US')} pods carry a sidecar.
    </p>
  );
}

/** istioctl proxy-status for one cluster, STALE and NOT SENT highlighted; shows up to 500 proxies, filterable by state. */
export function ProxySyncTable({ cluster }: ProxySyncTableProps) {
  const [state, setState] = useState<(typeof STATES)[number]>('');
  const query = useProxies({ cluster, state: state || undefined, pageSize: 500 });
  return (
    <section aria-labelledby="proxies-heading" id="proxies">
      <div className="mb-2 flex items-center gap-3">
        <h2 id="proxies-heading" className="text-sm font-semibold">Proxy sync</h2>
        <label className="text-xs">
          State{' '}
          <select value={state} onChange={(e) => setState(e.target.value as (typeof STATES)[number])} className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900">
            {STATES.map((s) => (
              <option key={s} value={s}>{s || 'any'}</option>
            ))}
          </select>
        </label>
      </div>
      <QueryView query={query} what="proxies">
        {(res) => (
          <>
          <SyncUnknownNote sync={res.data.sync[cluster]} sidecars={res.data.sidecars} />
          <div className={`${panelClass} max-h-[32rem] overflow-auto`} tabIndex={0} role="region" aria-label={`Proxy sync in ${cluster}`}>
            <table className={tableClass} aria-label={`Proxies in ${cluster}`}>
              <thead className={`${theadClass} sticky top-0 bg-white dark:bg-slate-900`}>
                <tr>
                  <th className={thClass}>Proxy</th>
                  <th className={thClass}>istiod</th>
                  <th className={thClass}>Version</th>
                  {TYPES.map((t) => (
                    <th key={t} className={thClass}>{t.toUpperCase()}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {res.data.items.map((p) => (
                  <tr key={p.proxy} className={rowClass} data-overall={p.overall}>
                    <td className={`${tdClass} font-mono text-xs`}>{p.proxy}</td>
                    <td className={tdClass}>{p.controlPlane.cluster === cluster ? p.controlPlane.revision : `${p.controlPlane.cluster}/${p.controlPlane.revision}`}</td>
                    <td className={tdClass}>{p.proxyVersion ?? '—'}</td>
                    {TYPES.map((t) => (
                      <td key={t} className={`${tdClass} text-xs ${cellTone(p[t])}`}>{p[t]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {res.data.items.length === 0 ? <p className="p-3 text-sm text-slate-600 dark:text-slate-400">{state ? `No ${state} proxies in ${cluster}.` : `No proxies report to an istiod in ${cluster}.`}</p> : null}
            {res.data.total > res.data.items.length ? <p className="p-3 text-xs text-slate-500">Showing {res.data.items.length} of {res.data.total}; filter by state to narrow.</p> : null}
          </div>
          </>
        )}
      </QueryView>
    </section>
  );
}
