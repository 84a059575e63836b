import 'server-only';
import type { Finding, ObjectRef } from '@/lib/analysis/types';
import type { ChangeInput } from '../history/types';

/** Whether a finding may be recorded now, and the services its subject is about. */
export interface FindingContext {
  /** False while a cluster it involves is still in its initial sync or gone: then its findings are the baseline. */
  settled(f: Finding): boolean;
  services(subject: ObjectRef): string[];
}

/** The message only when everything it names is in the subject's cluster and namespace: the entry is shown by those. */
function sameScope(f: Finding, subject: ObjectRef): boolean {
  return [...f.objects, ...(f.mentions ?? [])].every((o) => o.cluster === subject.cluster && o.namespace === subject.namespace) && f.clusters.every((c) => c === subject.cluster);
}

function entry(f: Finding, action: 'created' | 'deleted', at: string, ctx: FindingContext): ChangeInput | undefined {
  const subject = f.objects[0];
  const cluster = subject?.cluster || f.clusters[0];
  if (!cluster) return undefined;
  const on = subject ? ` on ${subject.kind} ${subject.namespace ? `${subject.namespace}/` : ''}${subject.name}` : '';
  const what = `${f.code} ${f.name} ${action === 'created' ? 'appeared' : 'cleared'}${on}`;
  const scoped = subject && sameScope(f, subject);
  return {
    at, cluster, category: 'finding', kind: f.code,
    namespace: subject?.namespace || undefined,
    name: subject?.name ?? cluster,
    action,
    summary: scoped ? `${what}: ${f.message}` : f.clusters.length > 1 ? `${what} (${f.clusters.length} clusters)` : what,
    diff: [{ path: 'level', [action === 'created' ? 'after' : 'before']: f.level }],
    services: subject ? ctx.services(subject) : [],
  };
}

/**
 * Findings appearing and clearing between the analysis engine's snapshots,
 * by finding id (code, objects and message). The first snapshot, and findings
 * of clusters not settled, update the baseline without entries.
 */
export class FindingTracker {
  private known?: Map<string, Finding>;

  update(findings: readonly Finding[], at: string, ctx: FindingContext): ChangeInput[] {
    const next = new Map(findings.map((f) => [f.id, f]));
    const known = this.known;
    this.known = next;
    if (!known) return [];
    const out: ChangeInput[] = [];
    for (const [id, f] of known) {
      if (next.has(id) || !ctx.settled(f)) continue;
      const e = entry(f, 'deleted', at, ctx);
      if (e) out.push(e);
    }
    for (const [id, f] of next) {
      if (known.has(id) || !ctx.settled(f)) continue;
      const e = entry(f, 'created', at, ctx);
      if (e) out.push(e);
    }
    return out;
  }
}
