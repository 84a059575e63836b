import 'server-only';
import { KubeConfig } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import type { ClustersConfig } from '../config/schema';
import type { Logger } from '../log/logger';
import { DEFAULT_BACKOFF, type BackoffOptions } from '../clusters/backoff';
import { ClusterManager, type ClusterLifecycle } from '../clusters/cluster-manager';
import { KubeconfigFileSource } from '../clusters/sources/kubeconfig-source';
import { RemoteSecretSource } from '../clusters/sources/remote-secret-source';
import type { ClusterSource } from '../clusters/sources/types';
import { FleetModel } from './model';

/** The running fleet: the model every route reads, and the connections that fill it. */
export interface FleetRuntime {
  readonly model: FleetModel;
  readonly manager: ClusterManager;
  /** Resolves once every source has offered its clusters (connections may still be syncing). */
  readonly started: Promise<void>;
  stop(): void;
}

export interface FleetRuntimeOptions {
  resolvePath?: (p: string) => string;
  logger?: Logger;
  lifecycle?: ClusterLifecycle;
  backoff?: BackoffOptions;
  rediscoverMs?: number;
  sourcePollMs?: number;
}

/** Builds the sources named in the config file. A remote-secret source whose home kubeconfig is unreadable is logged and skipped. */
function sourcesFrom(cfg: ClustersConfig, opts: FleetRuntimeOptions): ClusterSource[] {
  const resolve = opts.resolvePath ?? ((p: string) => p);
  const out: ClusterSource[] = cfg.kubeconfigs.map((k) => new KubeconfigFileSource(resolve(k.path), { contexts: k.contexts, exclude: k.exclude, overrides: k.overrides }, opts.sourcePollMs));
  for (const r of cfg.remoteSecrets) {
    try {
      const kc = new KubeConfig();
      kc.loadFromString(readFileSync(resolve(r.kubeconfig), 'utf8'));
      if (r.context) kc.setCurrentContext(r.context);
      out.push(new RemoteSecretSource(kc, r.context ?? kc.getCurrentContext(), r.namespace, { requestTimeoutMs: cfg.requestTimeoutSeconds * 1000, staleAfterMs: cfg.staleAfterSeconds * 1000 }));
    } catch (err) {
      opts.logger?.error({ err, kubeconfig: r.kubeconfig }, 'remote-secret source: cannot load the home cluster kubeconfig');
    }
  }
  return out;
}

/** Starts the cluster sources and connections described by the `clusters` config section. */
export function startFleetRuntime(cfg: ClustersConfig, opts: FleetRuntimeOptions = {}): FleetRuntime {
  const model = new FleetModel();
  const manager = new ClusterManager(sourcesFrom(cfg, opts), model, {
    staleAfterMs: cfg.staleAfterSeconds * 1000,
    requestTimeoutMs: cfg.requestTimeoutSeconds * 1000,
    istiodPollMs: cfg.istiodPollSeconds * 1000,
    backoff: opts.backoff ?? DEFAULT_BACKOFF,
    rediscoverMs: opts.rediscoverMs ?? 60_000,
  }, opts.lifecycle, opts.logger);
  const started = manager.start();
  return { model, manager, started, stop: () => manager.stop() };
}
