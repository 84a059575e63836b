/**
 * The findings page's filters in the URL, so "every IST0101 in us-east-1"
 * is a link. Parsers never throw: a malformed value is dropped.
 */
import type { FindingsQuery } from '@/lib/api/findings';

export const FINDING_LEVELS = ['Error', 'Warning', 'Info'] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];

/** Findings per page of the table. */
export const FINDINGS_PAGE_SIZE = 50;

export interface FindingsUrlState {
  level?: FindingLevel;
  code?: string;
  cluster?: string;
  namespace?: string;
  kind?: string;
  page: number;
}

type Search = URLSearchParams | Record<string, string | string[] | undefined>;

function get(s: Search, key: string): string | undefined {
  const v = s instanceof URLSearchParams ? s.get(key) : s[key];
  const one = (Array.isArray(v) ? v[0] : v)?.trim();
  return one ? one.slice(0, 253) : undefined;
}

export function parseFindingsState(s: Search): FindingsUrlState {
  const level = get(s, 'level');
  const code = get(s, 'code')?.toUpperCase();
  const page = Number(get(s, 'page') ?? 1);
  return {
    level: (FINDING_LEVELS as readonly string[]).includes(level ?? '') ? (level as FindingLevel) : undefined,
    code: code && /^(IST|MG)\d{4}$/.test(code) ? code : undefined,
    cluster: get(s, 'cluster'),
    namespace: get(s, 'namespace'),
    kind: get(s, 'kind'),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function serialiseFindingsState(st: FindingsUrlState): string {
  const out = new URLSearchParams();
  for (const k of ['level', 'code', 'cluster', 'namespace', 'kind'] as const) if (st[k]) out.set(k, st[k]);
  if (st.page > 1) out.set('page', String(st.page));
  const q = out.toString();
  return q ? `?${q}` : '';
}

/** The API query of a state. */
export function findingsApiQuery(st: FindingsUrlState): FindingsQuery {
  return { level: st.level, code: st.code, cluster: st.cluster, namespace: st.namespace, kind: st.kind, page: st.page, pageSize: FINDINGS_PAGE_SIZE };
}

/** Istio's page on an IST code; Meshglass's own codes are described in its docs, not on istio.io. */
export function codeReferenceUrl(code: string): string | undefined {
  return /^IST\d{4}$/.test(code) ? `https://istio.io/latest/docs/reference/config/analysis/${code.toLowerCase()}/` : undefined;
}
