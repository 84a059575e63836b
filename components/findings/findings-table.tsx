import Link from 'next/link';
import type { FindingItem } from '@/lib/api/findings';
import { codeReferenceUrl } from '@/lib/ui/findings-url-state';
import { findingHref } from '@/lib/ui/standing-findings';
import { linkClass, panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';

const LEVEL: Record<FindingItem['level'], string> = {
  Error: 'border-red-400 text-red-800 dark:border-red-700 dark:text-red-300',
  Warning: 'border-amber-400 text-amber-900 dark:border-amber-700 dark:text-amber-200',
  Info: 'border-slate-300 text-slate-600 dark:border-slate-600 dark:text-slate-300',
};

/** One finding a row: level, code (linked to Istio's reference), what and how to fix, the object in its cluster. */
export function FindingsTable({ items }: { items: FindingItem[] }) {
  return (
    <div className={`${panelClass} overflow-x-auto`}>
      <table className={tableClass} data-testid="findings-table">
        <thead className={theadClass}>
          <tr>
            <th className={thClass}>Level</th>
            <th className={thClass}>Code</th>
            <th className={thClass}>Finding</th>
            <th className={thClass}>Object</th>
            <th className={thClass}>Clusters</th>
          </tr>
        </thead>
        <tbody>
          {items.map((f) => {
            const o = f.objects[0];
            const ref = codeReferenceUrl(f.code);
            return (
              <tr key={f.id} className={rowClass} data-code={f.code} data-level={f.level}>
                <td className={tdClass}>
                  <span className={`inline-block w-16 rounded border px-1.5 py-0.5 text-center text-xs font-medium ${LEVEL[f.level]}`}>{f.level}</span>
                </td>
                <td className={`${tdClass} whitespace-nowrap font-mono text-xs`}>
                  {ref ? <a href={ref} target="_blank" rel="noreferrer" className={linkClass} title={`Istio's reference for ${f.code} (${f.name})`}>{f.code}</a> : <span title={f.name}>{f.code}</span>}
                  <div className="font-sans text-slate-500 dark:text-slate-400">{f.name}</div>
                </td>
                <td className={tdClass}>
                  <p>{f.message}</p>
                  {f.fix ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Fix: {f.fix}</p> : null}
                </td>
                <td className={`${tdClass} whitespace-nowrap`}>
                  {o ? (
                    <Link href={findingHref(o)} className={linkClass}>
                      {o.kind} {o.namespace ? `${o.namespace}/` : ''}{o.name}
                    </Link>
                  ) : '-'}
                </td>
                <td className={`${tdClass} text-xs`}>{f.clusters.join(', ') || '-'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
