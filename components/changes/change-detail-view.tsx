'use client';

import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiRequestError } from '@/lib/api/fetch-json';
import { useChange } from '@/lib/api/changes';
import { changeTarget, serviceTimelineHref } from '@/lib/ui/change-links';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryView } from '@/components/ui/query-view';
import { linkClass, panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';
import { CATEGORY_STYLE } from './category-style';

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v, null, 1));

/** One change: where, when, and its fields before and after. */
export function ChangeDetailView({ id }: { id: string }) {
  const change = useChange(id);
  if (change.error instanceof ApiRequestError && change.error.status === 404) notFound();
  return (
    <QueryView query={change} what={`change ${id}`}>
      {(c) => {
        const target = changeTarget(c);
        return (
          <div className="space-y-4">
            <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm" data-testid="change-facts">
              <dt className="text-slate-500 dark:text-slate-400">When</dt><dd><time dateTime={c.at}>{new Date(c.at).toLocaleString()}</time> <span className="text-xs text-slate-500">({c.at})</span></dd>
              <dt className="text-slate-500 dark:text-slate-400">Cluster</dt><dd><Link href={`/clusters/${encodeURIComponent(c.cluster)}`} className={linkClass}>{c.cluster}</Link></dd>
              <dt className="text-slate-500 dark:text-slate-400">Object</dt><dd>{c.kind} {c.namespace ? `${c.namespace}/` : ''}{c.name} · <Link href={target.href} className={linkClass}>open {target.label}</Link></dd>
              <dt className="text-slate-500 dark:text-slate-400">Change</dt><dd><span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-medium ${CATEGORY_STYLE[c.category].badge}`}>{CATEGORY_STYLE[c.category].label}</span>{c.action}: {c.summary}</dd>
              {c.services.length ? (
                <>
                  <dt className="text-slate-500 dark:text-slate-400">Services</dt>
                  <dd className="flex flex-wrap gap-2">{c.services.map((s) => { const [ns = '', n = ''] = s.split('/'); return <Link key={s} href={serviceTimelineHref(ns, n)} className={linkClass}>{s}</Link>; })}</dd>
                </>
              ) : null}
            </dl>
            {c.redacted ? (
              <EmptyState title="The values of this change are hidden">Your role may not read config in {c.namespace ?? 'this cluster'}; an operator of the workspace can.</EmptyState>
            ) : c.diff.length === 0 ? (
              <EmptyState title="No field diff was kept">Creates and deletes of large objects keep only the summary.</EmptyState>
            ) : (
              <div className={`${panelClass} overflow-x-auto`}>
                <table className={tableClass} aria-label="Changed fields">
                  <thead className={theadClass}><tr><th className={thClass}>Field</th><th className={thClass}>Before</th><th className={thClass}>After</th></tr></thead>
                  <tbody>
                    {c.diff.map((f) => (
                      <tr key={f.path} className={rowClass}>
                        <td className={`${tdClass} font-mono text-xs`}>{f.path}</td>
                        <td className={`${tdClass} whitespace-pre-wrap font-mono text-xs text-red-800 dark:text-red-300`}>{show(f.before)}</td>
                        <td className={`${tdClass} whitespace-pre-wrap font-mono text-xs text-emerald-800 dark:text-emerald-300`}>{show(f.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        );
      }}
    </QueryView>
  );
}
