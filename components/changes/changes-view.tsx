'use client';

import { useClusters } from '@/lib/api/clusters';
import { useChanges } from '@/lib/api/changes';
import { changesApiParams, parseChangesState, serialiseChangesState } from '@/lib/ui/changes-url-state';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryView } from '@/components/ui/query-view';
import { useMinute } from '@/components/ui/use-minute';
import { useUrlState } from '@/components/ui/use-url-state';
import { ChangeHistogram } from './change-histogram';
import { ChangeList } from './change-list';
import { ChangesFilters } from './changes-filters';
import { HistoryStatusNote } from './history-status-note';

/** The fleet's change timeline: what changed, where and when, newest first. */
export function ChangesView() {
  const [state, setState] = useUrlState(parseChangesState, serialiseChangesState);
  const now = useMinute();
  const params = changesApiParams(state, now);
  const changes = useChanges(params, now > 0);
  const clusters = useClusters();
  const from = Date.parse(params.from!);
  const to = now + 60_000;
  return (
    <div className="space-y-4">
      <ChangesFilters key={serialiseChangesState(state)} state={state} clusters={(clusters.data?.data.items ?? []).map((c) => c.name)} onChange={setState} />
      <QueryView query={changes} what="changes">
        {(res) => {
          const items = res.pages.flatMap((p) => p.items);
          const status = res.pages[0]!.history;
          return (
            <>
              <HistoryStatusNote status={status} />
              <ChangeHistogram items={items} from={from} to={to} gaps={status.gaps} />
              {items.length === 0 ? (
                <EmptyState title="No changes in this window">
                  {status.state === 'ok' ? 'Nothing matching the filters changed; widen the window or clear a filter.' : 'The history is not being recorded; see above.'}
                </EmptyState>
              ) : (
                <ChangeList items={items} showCluster={!state.cluster} />
              )}
              {changes.hasNextPage ? (
                <button type="button" onClick={() => void changes.fetchNextPage()} disabled={changes.isFetchingNextPage} className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                  {changes.isFetchingNextPage ? 'Loading…' : 'Load older changes'}
                </button>
              ) : null}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
