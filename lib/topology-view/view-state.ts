import { parseTopologyState, serialiseTopologyState, type TopologyUrlState } from '../ui/url-state';
import { GROUPINGS, type Grouping } from './aggregate';

/** The topology page's URL state: the shared options plus namespace grouping (aggregate.ts). */
export interface TopologyViewState extends TopologyUrlState {
  /** `group=`: auto (default), namespace (always), off (every node). */
  group: Grouping;
  /** `expand=`: namespaces drawn as their nodes while the graph is grouped (comma-separated). */
  expand: string[];
}

type Search = URLSearchParams | Record<string, string | string[] | undefined>;
const get = (s: Search, key: string): string | undefined => {
  const v = s instanceof URLSearchParams ? s.get(key) : s[key];
  const one = Array.isArray(v) ? v[0] : v;
  return one ?? undefined;
};

/** Parses the page's URL; bad values fall back to defaults, as the shared parsers do. */
export function parseTopologyViewState(s: Search): TopologyViewState {
  const group = get(s, 'group');
  const expand = (get(s, 'expand') ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  return {
    ...parseTopologyState(s),
    group: (GROUPINGS as readonly string[]).includes(group ?? '') ? (group as Grouping) : 'auto',
    expand: [...new Set(expand)].slice(0, 500),
  };
}

/** The query string: the shared options, then `group` and `expand` when not default; sorted so one view has one URL. */
export function serialiseTopologyViewState(st: TopologyViewState): string {
  const out = new URLSearchParams(serialiseTopologyState(st));
  if (st.group !== 'auto') out.set('group', st.group);
  if (st.expand.length) out.set('expand', [...new Set(st.expand)].sort().join(','));
  const q = out.toString();
  return q ? `?${q}` : '';
}
