'use client';

import { useClusters } from '@/lib/api/clusters';
import { useFindings } from '@/lib/api/findings';
import { findingsApiQuery, parseFindingsState, serialiseFindingsState } from '@/lib/ui/findings-url-state';
import { DataAge } from '@/components/ui/data-age';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryView } from '@/components/ui/query-view';
import { useUrlState } from '@/components/ui/use-url-state';
import { FindingsFilters } from './findings-filters';
import { FindingsTable } from './findings-table';
import { LevelSummary } from './level-summary';

const BUTTON = 'rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800';

/** Every analysis finding of the fleet, filtered from the URL, a page at a time. */
export function FindingsView() {
  const [state, setState] = useUrlState(parseFindingsState, serialiseFindingsState);
  const findings = useFindings(findingsApiQuery(state));
  const clusters = useClusters();
  const filtered = !!(state.level || state.code || state.cluster || state.namespace || state.kind);
  return (
    <div className="space-y-4">
      <FindingsFilters key={serialiseFindingsState({ ...state, level: undefined, page: 1 })} state={state} clusters={(clusters.data?.data.items ?? []).map((c) => c.name)} onChange={setState} />
      <QueryView query={findings} what="findings" rows={8}>
        {(res) => {
          const d = res.data;
          const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
          const computed = d.computedAt ? Date.parse(d.computedAt) : undefined;
          return (
            <>
              <LevelSummary counts={d.counts} selected={state.level} onSelect={(level) => setState({ level, page: 1 })} />
              <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500 dark:text-slate-400">
                <span data-testid="findings-total">
                  {d.total} {d.total === 1 ? 'finding' : 'findings'}{filtered ? ' match' : ''}
                  {computed ? ` · analysed at ${new Date(computed).toLocaleTimeString()}` : ' · not analysed yet'}
                </span>
                <DataAge clusters={res.clusters} revision={d.analyzedRevision ?? res.revision} />
              </div>
              {d.items.length === 0 ? (
                <EmptyState title={filtered ? 'No finding matches these filters' : 'The analysis finds nothing'}>
                  {filtered ? 'Clear a filter to see more.' : "Every rule ran over every cluster's configuration and found no problem."}
                </EmptyState>
              ) : (
                <FindingsTable items={d.items} />
              )}
              {pages > 1 ? (
                <nav className="flex items-center gap-3 text-sm" aria-label="Pages">
                  <button type="button" className={BUTTON} disabled={d.page <= 1} onClick={() => setState({ page: d.page - 1 })}>Previous</button>
                  <span data-testid="findings-page">Page {d.page} of {pages}</span>
                  <button type="button" className={BUTTON} disabled={d.page >= pages} onClick={() => setState({ page: d.page + 1 })}>Next</button>
                </nav>
              ) : null}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
