import type { HistoryStatus } from '@/lib/history/changes-query';

const when = (iso: string) => new Date(iso).toLocaleString();

/** Says when the history is off, not being written, or has holes in the range shown: an empty timeline must not read as "nothing changed". */
export function HistoryStatusNote({ status }: { status: HistoryStatus }) {
  const notes: string[] = [];
  if (status.state === 'off') notes.push('The change history is off in this dashboard\'s configuration (history.enabled): nothing is recorded.');
  if (status.state === 'down') notes.push(`The history store cannot be written${status.lastError ? ` (${status.lastError})` : ''}: the dashboard stays live, but changes from now on are not kept.`);
  for (const g of status.gaps) notes.push(`No history from ${when(g.from)} to ${g.to ? when(g.to) : 'now'}: ${g.reason}.`);
  if (notes.length === 0) return null;
  return (
    <div role="status" data-testid="history-status" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
      {notes.map((n) => <p key={n}>{n}</p>)}
    </div>
  );
}
