import Link from 'next/link';
import type { VisibleChange } from '@/lib/history/changes-query';
import { changeTarget } from '@/lib/ui/change-links';
import { linkClass, panelClass, rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';
import { CATEGORY_STYLE } from './category-style';

export interface ChangeListProps {
  items: readonly VisibleChange[];
  /** Hide the cluster column when the list is of one cluster already. */
  showCluster?: boolean;
}

const time = (iso: string) => new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Changes newest first: when, where, what, and links to the diff and to what it is about now. */
export function ChangeList({ items, showCluster = true }: ChangeListProps) {
  return (
    <div className={`${panelClass} overflow-x-auto`}>
      <table className={tableClass} aria-label="Changes">
        <thead className={theadClass}>
          <tr>
            <th className={thClass}>When</th>
            <th className={thClass}>What</th>
            {showCluster ? <th className={thClass}>Cluster</th> : null}
            <th className={thClass}>Object</th>
            <th className={thClass}>Change</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => {
            const style = CATEGORY_STYLE[c.category];
            const target = changeTarget(c);
            return (
              <tr key={c.id} className={rowClass} data-testid="change-row" data-category={c.category} data-cluster={c.cluster}>
                <td className={`${tdClass} whitespace-nowrap tabular-nums`}><time dateTime={c.at} title={c.at}>{time(c.at)}</time></td>
                <td className={tdClass}><span className={`rounded px-1.5 py-0.5 text-xs font-medium ${style.badge}`}>{style.label}</span></td>
                {showCluster ? <td className={tdClass}>{c.cluster}</td> : null}
                <td className={tdClass}>
                  <Link href={target.href} className={linkClass} title={`Open ${target.label}`}>{c.namespace ? `${c.namespace}/` : ''}{c.name}</Link>
                  <div className="text-xs text-slate-500 dark:text-slate-400">{c.kind} · {c.action}</div>
                </td>
                <td className={`${tdClass} max-w-xl`}>
                  <Link href={`/changes/${c.id}`} className="hover:underline">{c.summary}</Link>
                  {c.redacted ? <div className="text-xs text-slate-500 dark:text-slate-400">Values hidden: your role may not read config in this namespace.</div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
