import 'server-only';
import { isoTime } from './iso-time';
import type { ChangeQuery } from './types';
import { visiblePatterns } from './visible-patterns';

/** A WHERE clause and its parameters. */
export interface SqlFilter {
  where: string;
  params: unknown[];
}

/**
 * The WHERE of a history query on `changes`: every filter of `q` ANDed,
 * lists as `= ANY($n)`, and entries older than `beforeId` when paging.
 * Throws a bad-input Refusal for a time that does not parse.
 */
export function changeFilter(q: Omit<ChangeQuery, 'limit' | 'cursor'>, beforeId?: string): SqlFilter {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const conds: string[] = [];
  if (q.clusters) conds.push(`cluster = ANY(${p(q.clusters)}::text[])`);
  if (q.namespaces) conds.push(`namespace = ANY(${p(q.namespaces)}::text[])`);
  if (q.kinds) conds.push(`kind = ANY(${p(q.kinds)}::text[])`);
  if (q.categories) conds.push(`category = ANY(${p(q.categories)}::text[])`);
  // Containment rather than `$n = ANY(services)`: same meaning, and the GIN index serves it.
  if (q.service !== undefined) conds.push(`services @> ARRAY[${p(q.service)}::text]`);
  if (q.from !== undefined) conds.push(`at >= ${p(isoTime(q.from, 'from'))}::timestamptz`);
  if (q.to !== undefined) conds.push(`at <= ${p(isoTime(q.to, 'to'))}::timestamptz`);
  if (q.visible) {
    const { clusters, namespaces } = visiblePatterns(q.visible);
    // A cluster-level entry (no namespace) is visible wherever a selector's cluster glob matches.
    conds.push(
      `EXISTS (SELECT 1 FROM unnest(${p(clusters)}::text[], ${p(namespaces)}::text[]) AS v(c, n)` +
        ` WHERE changes.cluster LIKE v.c ESCAPE '\\' AND (changes.namespace IS NULL OR changes.namespace LIKE v.n ESCAPE '\\'))`,
    );
  }
  if (beforeId !== undefined) conds.push(`id < ${p(beforeId)}::bigint`);
  return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}
