import type { ChangeCategory } from '@/lib/history/change-types';

/** One colour per category, shared by the badges, the histogram and the chart markers; the label always goes with it. */
export const CATEGORY_STYLE: Record<ChangeCategory, { label: string; fill: string; badge: string }> = {
  config: { label: 'Config', fill: '#2563eb', badge: 'bg-blue-100 text-blue-900 dark:bg-blue-900/50 dark:text-blue-100' },
  workload: { label: 'Workload', fill: '#7c3aed', badge: 'bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-100' },
  service: { label: 'Service', fill: '#0891b2', badge: 'bg-cyan-100 text-cyan-900 dark:bg-cyan-900/50 dark:text-cyan-100' },
  namespace: { label: 'Namespace', fill: '#64748b', badge: 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100' },
  controlplane: { label: 'Control plane', fill: '#059669', badge: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100' },
  trust: { label: 'Trust', fill: '#d97706', badge: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100' },
  cluster: { label: 'Cluster', fill: '#dc2626', badge: 'bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100' },
  finding: { label: 'Finding', fill: '#db2777', badge: 'bg-pink-100 text-pink-900 dark:bg-pink-900/50 dark:text-pink-100' },
  health: { label: 'Health', fill: '#ea580c', badge: 'bg-orange-100 text-orange-900 dark:bg-orange-900/50 dark:text-orange-100' },
};
