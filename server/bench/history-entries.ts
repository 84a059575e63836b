import 'server-only';
import { builtinKinds, recordKey } from '../clusters/kinds';
import type { SlimDeployment } from '../clusters/records';
import { startChangeRecorder } from '../changes/change-recorder';
import type { ChangeInput } from '../history/types';
import { CHURN_INTERVAL_MS, CHURN_WEIGHTS as WEIGHTS, churnVirtualService } from '../sim/scenarios/config-churn';
import type { GeneratedModel } from './generated-model';

const deployments = builtinKinds().find((k) => k.role === 'deployments')!;

export interface ChurnHistoryOptions {
  /** Simulated time of the first tick. */
  start: Date;
  /** One Deployment rollout (a new image tag) somewhere in the fleet every this many ticks (default 1). */
  rolloutEveryTicks?: number;
}

/** The recorder's entries for a fleet's churn, produced a tick at a time. */
export interface ChurnHistory {
  /** Entries of the next `ticks` ticks, oldest first, as the recorder handed them to its sink. */
  next(ticks: number): Promise<ChangeInput[]>;
  /** Simulated time of the next tick. */
  readonly clock: Date;
  stop(): void;
}

/**
 * The change history of the config-churn scenario scaled to a whole fleet:
 * every CHURN_INTERVAL_MS (3 s) each cluster rewrites its VirtualService
 * `churn` with the scenario's next weight (cluster i routes to service i of
 * the fleet's list, so the churn covers many services), and every
 * `rolloutEveryTicks` ticks one Deployment gets a new image. The writes go
 * through the fleet model, as watch events would, and the product's
 * recorder (startChangeRecorder) turns them into entries on a simulated
 * clock: real entry shapes and sizes, a tick's clusters spread over its 3 s.
 */
export function churnHistory(g: GeneratedModel, services: ReadonlyArray<{ name: string; namespace: string }>, opts: ChurnHistoryOptions): ChurnHistory {
  const clusters = g.model.clusterNames();
  const target = (i: number) => services[i % services.length]!;
  const host = (s: { name: string; namespace: string }) => `${s.name}.${s.namespace}.svc.cluster.local`;
  // The churn objects exist before recording starts: every entry is a change, as in a running scenario.
  for (const [i, c] of clusters.entries()) g.apply(c, churnVirtualService(target(i).namespace, host(target(i)), WEIGHTS[0]!));
  let now = opts.start.getTime();
  let out: ChangeInput[] = [];
  const recorder = startChangeRecorder(g.model, { record: (inputs) => out.push(...inputs) }, { now: () => new Date(now), onError: (err) => { throw err; } });
  const rolloutEvery = opts.rolloutEveryTicks ?? 1;
  let tick = 0;
  const rollout = () => {
    const cluster = clusters[(tick * 7) % clusters.length]!;
    const s = target(tick * 13);
    const key = recordKey(s.namespace, `${s.name}-v1`);
    const store = g.model.cluster(cluster)?.store;
    const d = store?.deployments.get(key);
    if (!d) return;
    const images = d.images.map((img) => `${img.replace(/:[^:/]*$/, '')}:1.${tick % 50}.${tick % 7}`);
    g.model.apply(cluster, deployments, key, { ...d, images } satisfies SlimDeployment);
  };
  return {
    get clock() {
      return new Date(now);
    },
    async next(ticks) {
      for (let t = 0; t < ticks; t++, tick++) {
        const t0 = opts.start.getTime() + tick * CHURN_INTERVAL_MS;
        const weight = WEIGHTS[(tick + 1) % WEIGHTS.length]!;
        for (const [i, c] of clusters.entries()) {
          now = t0 + Math.floor((i * CHURN_INTERVAL_MS) / clusters.length);
          g.apply(c, churnVirtualService(target(i).namespace, host(target(i)), weight));
        }
        if (tick % rolloutEvery === 0) rollout();
        // The recorder hands a tick's writes over in a microtask.
        await Promise.resolve();
      }
      now = opts.start.getTime() + tick * CHURN_INTERVAL_MS;
      await new Promise((r) => setImmediate(r));
      const batch = out;
      out = [];
      return batch;
    },
    stop: () => recorder.stop(),
  };
}
