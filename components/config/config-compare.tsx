'use client';

import { useQueries } from '@tanstack/react-query';
import { fetchConfigObject } from '@/lib/api/config';
import { qk } from '@/lib/api/query-keys';
import { configYaml, sideBySide } from '@/lib/ui/config-view';
import { panelClass } from '@/components/ui/table-styles';

export interface ConfigCompareProps {
  object: { group: string; kind: string; namespace: string; name: string };
  clusters: string[];
}

/** The same object in each cluster that holds it, YAML side by side, lines that differ highlighted. */
export function ConfigCompare({ object: o, clusters }: ConfigCompareProps) {
  const results = useQueries({
    queries: clusters.map((c) => ({ queryKey: qk.config.detail(c, o.group, o.kind, o.namespace, o.name), queryFn: () => fetchConfigObject(c, o.group, o.kind, o.namespace, o.name) })),
  });
  const texts = results.map((r) => (r.data ? configYaml(r.data.data) : ''));
  const ready = results.every((r) => r.data);
  const columns = ready ? sideBySide(texts) : texts.map(() => []);
  const differing = ready && clusters.length > 1 && columns.some((c) => c.some((l) => l.differs));
  return (
    <section aria-labelledby="yaml-heading" className={`${panelClass} p-4`}>
      <h2 id="yaml-heading" className="mb-1 text-sm font-semibold">
        {o.kind} {o.namespace}/{o.name}
      </h2>
      <p className="mb-3 text-xs text-slate-600 dark:text-slate-400" data-testid="config-compare-summary">
        {clusters.length === 1 ? `Only in ${clusters[0]}.` : !ready ? 'Loading…' : differing ? `Differs across ${clusters.length} clusters: highlighted lines are not the same everywhere.` : `Identical in all ${clusters.length} clusters.`}
      </p>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {clusters.map((c, i) => (
          <div key={c} className="min-w-0">
            <h3 className="mb-1 text-xs font-semibold">{c}</h3>
            {results[i]?.error ? <p className="text-xs text-red-700 dark:text-red-400">{results[i]?.error?.message}</p> : null}
            <pre className="max-h-[28rem] overflow-auto rounded bg-slate-50 p-2 text-xs leading-5 dark:bg-slate-950" aria-label={`YAML in ${c}`} tabIndex={0}>
              {(columns[i] ?? []).map((l, n) => (
                <div key={n} className={l.differs ? 'bg-warn/30 font-semibold' : ''} data-differs={l.differs || undefined}>
                  {l.text || ' '}
                </div>
              ))}
            </pre>
          </div>
        ))}
      </div>
    </section>
  );
}
