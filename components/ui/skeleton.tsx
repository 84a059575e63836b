// Widths as classes, not style attributes: the page CSP forbids inline styles in server-rendered HTML.
const WIDTHS = ['w-11/12', 'w-3/4', 'w-5/6', 'w-2/3', 'w-4/5'];

/** Grey placeholder bars while a view loads. */
export function Skeleton({ rows = 4, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-label={label} aria-busy="true" className="space-y-3">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={`h-6 animate-pulse rounded bg-slate-200 dark:bg-slate-800 ${WIDTHS[i % WIDTHS.length]}`} />
      ))}
    </div>
  );
}
