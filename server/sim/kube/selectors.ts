/** Label and field selectors (the subset of k8s.io/apimachinery/pkg/labels and fields Meshglass and kubectl use). */
import { badRequest } from './errors';
import type { KubeObject } from './types';

type Requirement =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string };

/** A compiled selector: true when the object matches. */
export type Matcher = (obj: KubeObject) => boolean;

/** Splits on commas outside parentheses (`a in (x,y),b` -> two requirements). */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((p) => p.trim()).filter(Boolean);
}

function parseRequirement(raw: string): Requirement {
  let m = /^!\s*([\w./-]+)$/.exec(raw);
  if (m) return { op: 'notexists', key: m[1] ?? '' };
  m = /^([\w./-]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(raw);
  if (m) return { op: m[2] as 'in' | 'notin', key: m[1] ?? '', values: (m[3] ?? '').split(',').map((v) => v.trim()) };
  m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(raw);
  if (m) return { op: m[2] === '!=' ? 'neq' : 'eq', key: m[1] ?? '', value: m[3] ?? '' };
  m = /^([\w./-]+)$/.exec(raw);
  if (m) return { op: 'exists', key: m[1] ?? '' };
  throw badRequest(`unable to parse requirement: ${raw}`);
}

function test(r: Requirement, value: string | undefined): boolean {
  switch (r.op) {
    case 'eq':
      return value === r.value;
    case 'neq':
      return value !== r.value;
    case 'in':
      return value !== undefined && r.values.includes(value);
    case 'notin':
      return value === undefined || !r.values.includes(value);
    case 'exists':
      return value !== undefined;
    case 'notexists':
      return value === undefined;
  }
}

/** Compiles a labelSelector query parameter (=, ==, !=, in, notin, exists, !key). */
export function labelMatcher(selector: string | null | undefined): Matcher {
  if (!selector) return () => true;
  const reqs = splitTop(selector).map(parseRequirement);
  return (obj) => reqs.every((r) => test(r, obj.metadata.labels?.[r.key]));
}

function fieldValue(obj: KubeObject, path: string): string | undefined {
  let cur: unknown = obj;
  for (const p of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  return cur === undefined || cur === null ? undefined : String(cur);
}

/** Compiles a fieldSelector (=, ==, != on metadata.name, metadata.namespace, or any other dotted field path such as status.phase). */
export function fieldMatcher(selector: string | null | undefined): Matcher {
  if (!selector) return () => true;
  const reqs = splitTop(selector).map((raw) => {
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(raw);
    if (!m) throw badRequest(`invalid field selector: ${raw}`);
    return { path: m[1] ?? '', neq: m[2] === '!=', value: (m[3] ?? '').trim() };
  });
  return (obj) => reqs.every((r) => (fieldValue(obj, r.path) ?? '') === r.value !== r.neq);
}

/** Both selectors of a request. */
export function selectorMatcher(query: URLSearchParams): Matcher {
  const l = labelMatcher(query.get('labelSelector'));
  const f = fieldMatcher(query.get('fieldSelector'));
  return (obj) => l(obj) && f(obj);
}
