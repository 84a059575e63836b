import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { SourceStatus } from '@/lib/fleet/clusters';

/** A cluster a source offers: how to reach it (or why it cannot be), and how to show it. */
export interface ClusterCandidate {
  name: string;
  displayName: string;
  /** 'kubeconfig:<file>#<context>' or 'remote-secret:<home>/<namespace>/<secret>'. */
  source: string;
  mesh?: string;
  network?: string;
  kubeConfig: KubeConfig | { error: string };
  /** Changes whenever the credentials or endpoint change, so the connection is rebuilt. */
  fingerprint: string;
}

/** How reading a source goes (the clusters it offers are added by the manager). */
export type SourceHealth = Omit<SourceStatus, 'clusters'>;

/**
 * One kind of cluster source. `onChange` receives the source's full, current
 * list each time it changes; `onStatus` hears that `status()` changed.
 */
export interface ClusterSource {
  readonly id: string;
  start(onChange: (clusters: ClusterCandidate[]) => void, onStatus?: () => void): Promise<void>;
  status(): SourceHealth;
  stop(): void;
}
