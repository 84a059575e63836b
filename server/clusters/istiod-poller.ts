import 'server-only';
import { parseClusterz, parseNetworkz, parseVersion } from '../istiod/debug-endpoints';
import { summariseSyncz } from '../istiod/syncz';
import type { ControlPlanePoll, FleetModel } from '../fleet/model';
import type { KubeClient } from './kube-client';
import type { SlimPod } from './records';
import { portForwardGet, type ForwardedResponse } from './port-forward-get';
import { sleep } from './backoff';

/** istiod's monitoring port, where the debug endpoints live. */
export const ISTIOD_DEBUG_PORT = 15014;

/** The istiod pods of a cluster, grouped by revision. */
export function istiodPodsByRevision(pods: Iterable<SlimPod>): Map<string, SlimPod[]> {
  const out = new Map<string, SlimPod[]>();
  for (const p of pods) {
    if (p.labels.app !== 'istiod' && p.labels.istio !== 'pilot') continue;
    const rev = p.labels['istio.io/rev'] ?? 'default';
    out.set(rev, [...(out.get(rev) ?? []), p]);
  }
  return out;
}

type Get = (namespace: string, pod: string, path: string) => Promise<ForwardedResponse>;

/** Polls one revision through one of its ready pods; any failure becomes the poll's error, never an exception. */
export async function pollRevision(revision: string, pods: SlimPod[], get: Get): Promise<ControlPlanePoll> {
  const pod = pods.find((p) => p.ready && p.phase === 'Running') ?? pods[0];
  const base: ControlPlanePoll = { revision, namespace: pod?.namespace ?? 'istio-system', pod: pod?.name, state: 'error', proxies: [], clusters: [], gateways: [], lastPolledAt: new Date().toISOString(), version: pod?.proxyVersion };
  if (!pod || !pod.ready) return { ...base, error: 'no ready istiod pod' };
  const fetchJson = async (path: string): Promise<unknown> => {
    const r = await get(pod.namespace, pod.name, path);
    if (r.status !== 200) throw new Error(`GET ${path}: HTTP ${r.status}`);
    return JSON.parse(r.body) as unknown;
  };
  try {
    const v = await get(pod.namespace, pod.name, '/version');
    const version = v.status === 200 ? parseVersion(v.body) ?? base.version : base.version;
    const syncz = summariseSyncz(await fetchJson('/debug/syncz'));
    const clusters = parseClusterz(await fetchJson('/debug/clusterz'));
    const gateways = parseNetworkz(await fetchJson('/debug/networkz'));
    return { ...base, state: 'ok', version, proxies: syncz.proxies, clusters, gateways };
  } catch (err) {
    return { ...base, error: (err as Error).message };
  }
}

/** Drops the poll time so that an unchanged poll is recognised as unchanged. */
const signature = (polls: ControlPlanePoll[]) => JSON.stringify(polls.map(({ lastPolledAt: _t, ...rest }) => rest));

/** Polls every istiod revision of one cluster every `intervalMs`, writing into the model. */
export class IstiodPoller {
  private readonly ac = new AbortController();
  private last = '';

  constructor(private readonly cluster: string, private readonly client: KubeClient, private readonly model: FleetModel, private readonly opts: { intervalMs: number; timeoutMs: number }) {}

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.ac.abort();
  }

  /** One round over every revision (exported for tests through the class). */
  async pollOnce(): Promise<void> {
    const entry = this.model.cluster(this.cluster);
    if (!entry) return;
    const get: Get = (ns, pod, path) => portForwardGet(this.client.portForward(), ns, pod, ISTIOD_DEBUG_PORT, path, this.opts.timeoutMs);
    const polls: ControlPlanePoll[] = [];
    for (const [rev, pods] of istiodPodsByRevision(entry.store.pods.values())) {
      if (this.ac.signal.aborted) return;
      polls.push(await pollRevision(rev, pods, get));
    }
    polls.sort((a, b) => a.revision.localeCompare(b.revision));
    const sig = signature(polls);
    if (sig !== this.last) {
      this.last = sig;
      this.model.setControlPlanes(this.cluster, polls);
    } else {
      for (const p of polls) {
        const held = entry.controlPlanes.get(p.revision);
        if (held) held.lastPolledAt = p.lastPolledAt;
      }
    }
  }

  private async loop(): Promise<void> {
    while (!this.ac.signal.aborted) {
      try {
        await this.pollOnce();
      } catch {
        // pollRevision turns failures into state; anything else must not end the loop.
      }
      await sleep(this.opts.intervalMs, this.ac.signal);
    }
  }
}
