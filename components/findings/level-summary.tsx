'use client';

import { FINDING_LEVELS, type FindingLevel } from '@/lib/ui/findings-url-state';

export interface LevelSummaryProps {
  counts: Record<FindingLevel, number>;
  selected?: FindingLevel;
  onSelect: (level: FindingLevel | undefined) => void;
}

const STYLE: Record<FindingLevel, { bar: string; chip: string }> = {
  Error: { bar: 'bg-red-500 dark:bg-red-600', chip: 'border-red-400 text-red-800 dark:border-red-700 dark:text-red-300' },
  Warning: { bar: 'bg-amber-400 dark:bg-amber-500', chip: 'border-amber-400 text-amber-900 dark:border-amber-700 dark:text-amber-200' },
  Info: { bar: 'bg-slate-400 dark:bg-slate-500', chip: 'border-slate-300 text-slate-600 dark:border-slate-600 dark:text-slate-300' },
};

/** How the matching findings split by level: a bar to see the share at a glance, chips that filter by level. */
export function LevelSummary({ counts, selected, onSelect }: LevelSummaryProps) {
  const total = FINDING_LEVELS.reduce((n, l) => n + counts[l], 0);
  return (
    <div className="space-y-2" data-testid="finding-levels">
      {total > 0 ? (
        <div className="flex h-2 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800" aria-hidden>
          {FINDING_LEVELS.map((l) => (counts[l] ? <div key={l} className={STYLE[l].bar} style={{ width: `${(counts[l] / total) * 100}%` }} /> : null))}
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2" role="group" aria-label="Filter by level">
        {FINDING_LEVELS.map((l) => {
          const on = selected === l;
          return (
            <button key={l} type="button" aria-pressed={on} data-level={l} onClick={() => onSelect(on ? undefined : l)} className={`rounded-full border px-2.5 py-0.5 text-xs ${STYLE[l].chip} ${on ? 'font-semibold ring-2 ring-sky-400' : ''}`}>
              {l} <span className="tabular-nums">{counts[l]}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
