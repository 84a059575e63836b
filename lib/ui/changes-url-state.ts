/**
 * The timeline page's filters in the URL (deep links: "what changed in
 * us-east-1's bookinfo in the last hour"). Parsers never throw.
 */
import { CHANGE_CATEGORIES } from '@/lib/history/changes-query';
import type { ChangeCategory } from '@/lib/history/change-types';

export const CHANGE_WINDOWS = ['15m', '1h', '6h', '24h', '7d'] as const;
export type ChangeWindow = (typeof CHANGE_WINDOWS)[number];
const WINDOW_MS: Record<ChangeWindow, number> = { '15m': 15 * 60_000, '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 24 * 3_600_000, '7d': 7 * 24 * 3_600_000 };

export interface ChangesUrlState {
  cluster?: string;
  namespace?: string;
  /** namespace/name of a global service. */
  service?: string;
  categories: ChangeCategory[];
  window: ChangeWindow;
}

type Search = URLSearchParams | Record<string, string | string[] | undefined>;
function get(s: Search, key: string): string | undefined {
  const v = s instanceof URLSearchParams ? s.get(key) : s[key];
  const one = Array.isArray(v) ? v[0] : v;
  return one ? one.slice(0, 300) : undefined;
}

export function parseChangesState(s: Search): ChangesUrlState {
  const w = get(s, 'window');
  const categories = (get(s, 'category') ?? '').split(',').filter((c): c is ChangeCategory => (CHANGE_CATEGORIES as readonly string[]).includes(c));
  return {
    cluster: get(s, 'cluster'),
    namespace: get(s, 'namespace'),
    service: get(s, 'service'),
    categories: [...new Set(categories)],
    window: (CHANGE_WINDOWS as readonly string[]).includes(w ?? '') ? (w as ChangeWindow) : '24h',
  };
}

export function serialiseChangesState(st: ChangesUrlState): string {
  const out = new URLSearchParams();
  if (st.cluster) out.set('cluster', st.cluster);
  if (st.namespace) out.set('namespace', st.namespace);
  if (st.service) out.set('service', st.service);
  if (st.categories.length) out.set('category', st.categories.join(','));
  if (st.window !== '24h') out.set('window', st.window);
  const q = out.toString();
  return q ? `?${q}` : '';
}

/** The API query of a state: the window ends at the end of `now`'s minute, so one minute's renders share a cache entry. */
export function changesApiParams(st: ChangesUrlState, now: number): Record<string, string | undefined> {
  const to = Math.floor(now / 60_000) * 60_000 + 60_000;
  return {
    cluster: st.cluster,
    namespace: st.namespace,
    service: st.service,
    category: st.categories.length ? st.categories.join(',') : undefined,
    from: new Date(to - WINDOW_MS[st.window]).toISOString(),
  };
}
