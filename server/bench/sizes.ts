/** The fleets the benchmark runs, and how hard each step pushes at that size. */
import type { GeneratedFleetOptions } from '../sim/runtime';

export type SizeName = 'S' | 'M' | 'L';

export interface SizeSpec {
  name: SizeName;
  fleet: 'demo' | GeneratedFleetOptions;
  /** Seconds per endpoint and load mode (closed loop, open loop) under 100 concurrent clients. */
  apiSeconds: number;
  /** Sequential changes timed from the simulated cluster to an SSE client. */
  changes: number;
  /** How long the 1,000 SSE clients are held, in seconds. */
  sseHoldSeconds: number;
  /** The quiet stretch after next start is ready; at L long enough to take in the first round of istiod polls. */
  quietSeconds: number;
  /**
   * Telemetry: which clusters the global Prometheus scrapes and how often. At
   * M/L one cluster's scrape is ~12.8 MB of text, so only a few are scraped.
   */
  telemetry: { clusters: number; scrapeSeconds: number; window: string };
  /** Heap limit of the simulator process (MiB). */
  simHeapMiB: number;
}

export const SIZES: Record<SizeName, SizeSpec> = {
  S: { name: 'S', fleet: 'demo', apiSeconds: 5, changes: 60, sseHoldSeconds: 15, quietSeconds: 30, telemetry: { clusters: 4, scrapeSeconds: 1, window: '30s' }, simHeapMiB: 2048 },
  M: {
    name: 'M',
    fleet: { clusters: 50, namespaces: 10, services: 200, pods: 5, seed: 1 },
    apiSeconds: 6,
    changes: 200,
    sseHoldSeconds: 30,
    quietSeconds: 30,
    telemetry: { clusters: 4, scrapeSeconds: 10, window: '1m' },
    simHeapMiB: 6144,
  },
  L: {
    name: 'L',
    fleet: { clusters: 200, namespaces: 10, services: 250, pods: 10, seed: 1 },
    apiSeconds: 15,
    changes: 100,
    sseHoldSeconds: 30,
    quietSeconds: 180,
    telemetry: { clusters: 4, scrapeSeconds: 15, window: '1m' },
    simHeapMiB: 16384,
  },
};

/** The smoke run of `npm test`: S, one run, short loads. */
export function smoke(s: SizeSpec): SizeSpec {
  return { ...s, apiSeconds: 2, changes: 10, sseHoldSeconds: 4, quietSeconds: 3 };
}
