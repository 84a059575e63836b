import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { FindingList } from '@/lib/api/findings';
import type { Finding, Level } from '@/lib/analysis/types';
import { envelope } from '../fleet/envelope';
import type { FleetModel } from '../fleet/model';
import { allows, type VisibilityScope } from '../fleet/scope';
import type { AnalysisSnapshot } from './engine';

/** Filters of GET /api/v1/findings (already validated). */
export interface FindingsFilter {
  level?: Level;
  code?: string;
  cluster?: string;
  namespace?: string;
  kind?: string;
  page: number;
  pageSize: number;
}

/** A finding leaves the server only if the caller may see every cluster and object it names, its message's included. */
function visible(scope: VisibilityScope, f: Finding): boolean {
  const named = f.mentions ? [...f.objects, ...f.mentions] : f.objects;
  return f.clusters.every((c) => allows(scope, c)) && named.every((o) => allows(scope, o.cluster, o.namespace || undefined));
}

function matches(q: FindingsFilter, f: Finding): boolean {
  if (q.level && f.level !== q.level) return false;
  if (q.code && f.code !== q.code) return false;
  if (q.cluster && !f.clusters.includes(q.cluster)) return false;
  if (q.namespace && !f.objects.some((o) => o.namespace === q.namespace)) return false;
  if (q.kind && !f.objects.some((o) => o.kind === q.kind)) return false;
  return true;
}

/** GET /api/v1/findings: the engine's findings the scope may see, filtered, counted by level, paged. */
export function getFindings(model: FleetModel, snapshot: AnalysisSnapshot, scope: VisibilityScope, q: FindingsFilter): FleetResponse<FindingList> {
  const all = snapshot.findings.filter((f) => visible(scope, f) && matches(q, f));
  const counts = { Error: 0, Warning: 0, Info: 0 };
  for (const f of all) counts[f.level]++;
  const start = (q.page - 1) * q.pageSize;
  return envelope(model, scope, {
    items: all.slice(start, start + q.pageSize),
    total: all.length,
    page: q.page,
    pageSize: q.pageSize,
    counts,
    analyzedRevision: snapshot.revision ?? null,
    computedAt: snapshot.computedAt ?? null,
  });
}
