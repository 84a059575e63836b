import Link from 'next/link';
import type { ChangesAnswer } from '@/lib/history/changes-query';
import { serviceTimelineHref } from '@/lib/ui/change-links';
import { ChangeList } from '@/components/changes/change-list';
import { HistoryStatusNote } from '@/components/changes/history-status-note';
import { linkClass } from '@/components/ui/table-styles';

export interface ServiceChangesProps {
  namespace: string;
  name: string;
  answer: ChangesAnswer | undefined;
  error: Error | null;
}

/** What changed about this service and what routes to it, in the charts' range; the markers on the charts are these. */
export function ServiceChanges({ namespace, name, answer, error }: ServiceChangesProps) {
  return (
    <section aria-labelledby="service-changes" className="space-y-2">
      <div className="flex items-baseline justify-between">
        <h2 id="service-changes" className="text-lg font-semibold">Recent changes</h2>
        <Link href={serviceTimelineHref(namespace, name)} className={`${linkClass} text-sm`}>All changes of this service</Link>
      </div>
      {error ? <p className="text-sm text-amber-700 dark:text-amber-300">Change history unavailable: {error.message}</p> : null}
      {answer ? <HistoryStatusNote status={answer.history} /> : null}
      {answer && answer.items.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">Nothing about this service changed in the last 30 minutes.</p> : null}
      {answer && answer.items.length > 0 ? <ChangeList items={answer.items.slice(0, 10)} /> : null}
    </section>
  );
}
