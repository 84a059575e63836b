import 'server-only';
import { parseClusterz, parseNetworkz, parseVersion } from '../istiod/debug-endpoints';
import { summariseSyncz } from '../istiod/syncz';
import type { ControlPlanePoll, FleetSink } from './fleet-sink';
import type { KubeClient } from './kube-client';
import type { SlimPod } from './records';
import { oneLine, PortForwardSession, refusalReader, type ForwardedResponse } from './port-forward-get';
import { sleep } from './backoff';
import { ParseMemo } from '../istiod/parse-memo';
import type { Release } from './list-gate';
import type { PollBudget } from './poll-budget';

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

/**
 * Polls one revision through one of its ready pods; any failure becomes the poll's error, never an exception.
 * With `memo`, an answer whose bytes did not change since the last poll is not parsed again: its earlier
 * result (the same object) is returned, which also lets the poller tell an unchanged poll without comparing content.
 */
export async function pollRevision(revision: string, pods: SlimPod[], get: Get, memo: ParseMemo = new ParseMemo()): Promise<ControlPlanePoll> {
  const pod = pods.find((p) => p.ready && p.phase === 'Running') ?? pods[0];
  const base: ControlPlanePoll = { revision, namespace: pod?.namespace ?? 'istio-system', pod: pod?.name, state: 'error', proxies: [], clusters: [], gateways: [], lastPolledAt: new Date().toISOString(), version: pod?.proxyVersion };
  if (!pod || !pod.ready) return { ...base, error: 'no ready istiod pod' };
  const fetchJson = async <T>(path: string, parse: (body: unknown) => T): Promise<T> => {
    const r = await get(pod.namespace, pod.name, path);
    if (r.status !== 200) throw new Error(`GET ${path}: HTTP ${r.status}`);
    return memo.parse(`${pod.namespace}/${pod.name}${path}`, () => r.body, (b) => parse(JSON.parse(b) as unknown), r.digest);
  };
  try {
    const v = await get(pod.namespace, pod.name, '/version');
    const version = v.status === 200 ? parseVersion(v.body) ?? base.version : base.version;
    const proxies = await fetchJson('/debug/syncz', (b) => summariseSyncz(b).proxies);
    const clusters = await fetchJson('/debug/clusterz', parseClusterz);
    const gateways = await fetchJson('/debug/networkz', parseNetworkz);
    return { ...base, state: 'ok', version, proxies, clusters, gateways };
  } catch (err) {
    // Shown as one line in tables and tooltips.
    return { ...base, error: oneLine((err as Error | undefined)?.message ?? String(err)) };
  }
}

/** Drops the poll time so that an unchanged poll is recognised as unchanged. */
const signature = (polls: ControlPlanePoll[]) => JSON.stringify(polls.map(({ lastPolledAt: _t, ...rest }) => rest));

/** Same polls as before when every field but the time is equal and the parsed lists are the very same objects (answers unchanged, see ParseMemo). */
export function sameObjects(a: ControlPlanePoll[], b: ControlPlanePoll[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return x.revision === y.revision && x.namespace === y.namespace && x.pod === y.pod && x.state === y.state && x.error === y.error && x.version === y.version && x.proxies === y.proxies && x.clusters === y.clusters && x.gateways === y.gateways;
    })
  );
}

/**
 * The next poll time on a fixed cadence `anchor + k * intervalMs`, the first one not before `notBefore`.
 * Each poller has its own anchor (a random phase within the interval), so a fleet's polls spread over the
 * interval instead of arriving together, and a slow poll does not move the cadence.
 */
export function nextSlot(anchor: number, intervalMs: number, notBefore: number): number {
  return anchor + Math.max(0, Math.ceil((notBefore - anchor) / intervalMs)) * intervalMs;
}

/**
 * When a poller's next round is due, given the round that just `started` and this poller's `interval` (the
 * `configured` one, or longer when stretched by the fleet's budget). `anchor` is the poller's random phase,
 * set by the first round that found an istiod (`anchoredNow`); before that, rounds are one interval apart.
 */
export function nextDue(p: { started: number; interval: number; configured: number; anchor?: number; anchoredNow: boolean; random: () => number }): number {
  if (p.anchor === undefined) return p.started + p.interval;
  if (p.interval <= p.configured) return nextSlot(p.anchor, p.interval, p.started + p.interval / 2);
  // Stretched. The fleet's first rounds ran back to back through the budget's slots; each poller's next one goes
  // to its own random phase of the interval, or they would stay a train of rounds that saturates the process for
  // seconds every interval. From then on about one interval apart, with some jitter.
  return p.anchoredNow ? p.anchor : p.started + p.interval * (0.9 + 0.2 * p.random());
}

/** Polls every istiod revision of one cluster every `intervalMs`, writing into the model. */
export class IstiodPoller {
  private readonly ac = new AbortController();
  private last = '';
  private lastPolls?: ControlPlanePoll[];
  private readonly memo = new ParseMemo();
  private leaveBudget?: () => void;

  constructor(
    private readonly cluster: string,
    private readonly client: KubeClient,
    private readonly model: FleetSink,
    private readonly opts: { intervalMs: number; timeoutMs: number; random?: () => number; budget?: PollBudget },
  ) {}

  start(): void {
    this.leaveBudget = this.opts.budget?.join();
    void this.loop();
  }

  stop(): void {
    this.ac.abort();
    this.leaveBudget?.();
  }

  /** One round over every revision (exported for tests through the class). */
  async pollOnce(): Promise<void> {
    // The store's index of istiod pods: walking every pod of the cluster each round cost more than the poll.
    const istiod = this.model.istiodPods(this.cluster);
    if (!istiod) return;
    // One tunnel per istiod pod for the whole round (its four GETs share it).
    const sessions = new Map<string, PortForwardSession>();
    const readRefusal = refusalReader(this.client.kubeConfig, this.opts.timeoutMs);
    const get: Get = (ns, pod, path) => {
      let s = sessions.get(`${ns}/${pod}`);
      if (!s) sessions.set(`${ns}/${pod}`, (s = new PortForwardSession(this.client.portForward(), ns, pod, ISTIOD_DEBUG_PORT, this.opts.timeoutMs, undefined, readRefusal)));
      return s.get(path);
    };
    const polls: ControlPlanePoll[] = [];
    try {
      for (const [rev, pods] of istiodPodsByRevision(istiod)) {
        if (this.ac.signal.aborted) return;
        polls.push(await pollRevision(rev, pods, get, this.memo));
      }
    } finally {
      for (const s of sessions.values()) s.close();
    }
    polls.sort((a, b) => a.revision.localeCompare(b.revision));
    this.memo.sweep();
    // Unchanged answers come back as the same parsed objects: no need to serialise ~1,000 proxies to compare.
    let sig: string | undefined;
    const unchanged = (this.lastPolls !== undefined && sameObjects(polls, this.lastPolls)) || (sig = signature(polls)) === this.last;
    this.lastPolls = polls;
    if (!unchanged) {
      this.last = sig ?? signature(polls);
      this.model.setControlPlanes(this.cluster, polls);
    } else this.model.controlPlanesPolled(this.cluster, polls);
  }

  private async loop(): Promise<void> {
    const configured = this.opts.intervalMs;
    const random = this.opts.random ?? Math.random;
    // Until a round finds an istiod pod (the pods are still being listed), poll every interval, as at the start;
    // from then on, on this poller's own phase of the interval.
    let anchor: number | undefined;
    let roundMs: number | undefined;
    while (!this.ac.signal.aborted) {
      let release: Release | undefined;
      try {
        release = await this.opts.budget?.acquire(this.ac.signal);
      } catch {
        return; // aborted while waiting for a slot
      }
      const started = Date.now();
      try {
        await this.pollOnce();
      } catch {
        // pollRevision turns failures into state; anything else must not end the loop.
      } finally {
        release?.();
      }
      const took = Date.now() - started;
      roundMs = roundMs === undefined ? took : 0.7 * roundMs + 0.3 * took;
      const interval = this.opts.budget ? this.opts.budget.intervalMs(configured, roundMs) : configured;
      const anchoredNow = anchor === undefined && (this.lastPolls?.length ?? 0) > 0;
      if (anchoredNow) anchor = started + random() * interval;
      const due = nextDue({ started, interval, configured, anchor, anchoredNow, random });
      await sleep(Math.max(0, due - Date.now()), this.ac.signal);
    }
  }
}
