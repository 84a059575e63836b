import 'server-only';
import type { ControlPlanePoll } from '../fleet/cluster-entry';
import type { ChangeInput } from '../history/types';

/** What the history remembers of one revision: where it runs and its last version from a poll that answered. */
interface Seen {
  namespace: string;
  version?: string;
}

/**
 * istiod revisions of each cluster from the model's polls: a revision
 * appearing or going, and its version changing. A cluster's first poll is
 * its baseline. Versions compare between polls that answered, so a failing
 * poll (which falls back to the pod's image tag) does not flap.
 */
export class ControlPlaneTracker {
  private readonly byCluster = new Map<string, Map<string, Seen>>();

  /** Takes the polls the model holds as baselines (the recorder started after them). */
  seed(cluster: string, polls: ReadonlyMap<string, ControlPlanePoll>): void {
    if (polls.size) this.byCluster.set(cluster, this.snapshot(polls, new Map()));
  }

  forget(cluster: string): void {
    this.byCluster.delete(cluster);
  }

  update(cluster: string, polls: ReadonlyMap<string, ControlPlanePoll>, at: string): ChangeInput[] {
    const seen = this.byCluster.get(cluster);
    const next = this.snapshot(polls, seen ?? new Map());
    this.byCluster.set(cluster, next);
    if (!seen) return [];
    const out: ChangeInput[] = [];
    const entry = (revision: string, namespace: string, action: ChangeInput['action'], summary: string, before?: string, after?: string): ChangeInput => ({
      at, cluster, category: 'controlplane', kind: 'ControlPlane', namespace, name: revision, action, summary,
      diff: before === undefined && after === undefined ? [] : [{ path: 'version', ...(before !== undefined && { before }), ...(after !== undefined && { after }) }],
      services: [],
    });
    for (const [rev, s] of seen) {
      if (!next.has(rev)) out.push(entry(rev, s.namespace, 'deleted', `control plane revision ${rev} went away${s.version ? ` (was ${s.version})` : ''}`, s.version));
    }
    for (const [rev, n] of next) {
      const s = seen.get(rev);
      if (!s) out.push(entry(rev, n.namespace, 'created', `control plane revision ${rev} appeared${n.version ? ` (${n.version})` : ''}`, undefined, n.version));
      else if (s.version !== undefined && n.version !== undefined && s.version !== n.version) {
        out.push(entry(rev, n.namespace, 'changed', `control plane revision ${rev}: version ${s.version} → ${n.version}`, s.version, n.version));
      }
    }
    return out;
  }

  /** Each revision with the version of this poll if it answered, else the one seen last. */
  private snapshot(polls: ReadonlyMap<string, ControlPlanePoll>, seen: ReadonlyMap<string, Seen>): Map<string, Seen> {
    const out = new Map<string, Seen>();
    for (const [rev, p] of polls) out.set(rev, { namespace: p.namespace, version: p.state === 'ok' ? p.version : seen.get(rev)?.version });
    return out;
  }
}
