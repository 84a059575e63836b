/** Shared table classes, so every list reads alike. */
export const tableClass = 'w-full text-left text-sm';
export const theadClass = 'border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-700 dark:text-slate-400';
export const thClass = 'px-3 py-2 font-medium';
export const tdClass = 'px-3 py-2 align-top';
export const rowClass = 'border-b border-slate-100 last:border-0 dark:border-slate-800';
export const panelClass = 'rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900';
export const linkClass = 'text-brand-600 hover:underline dark:text-sky-300';
