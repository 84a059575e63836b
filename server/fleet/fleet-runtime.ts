import 'server-only';
import { KubeConfig } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import type { ClustersConfig } from '../config/schema';
import type { Logger } from '../log/logger';
import { DEFAULT_BACKOFF, type BackoffOptions } from '../clusters/backoff';
import { ClusterManager, type ClusterLifecycle, type SourceEntry } from '../clusters/cluster-manager';
import { FailedSource } from '../clusters/sources/failed-source';
import { KubeconfigFileSource } from '../clusters/sources/kubeconfig-source';
import { InClusterSource, inClusterKubeConfig } from '../clusters/sources/in-cluster-source';
import { RemoteSecretSource } from '../clusters/sources/remote-secret-source';
import { FleetModel } from './model';

/** The running fleet: the model every route reads, and the connections that fill it. */
export interface FleetRuntime {
  readonly model: FleetModel;
  readonly manager: ClusterManager;
  /** Resolves once every source has offered its clusters (connections may still be syncing). */
  readonly started: Promise<void>;
  /** Applies a new `clusters` section: sources added or removed take effect at once; connection tunings need a restart. */
  reconfigure(cfg: ClustersConfig): Promise<void>;
  stop(): void;
}

export interface FleetRuntimeOptions {
  resolvePath?: (p: string) => string;
  logger?: Logger;
  lifecycle?: ClusterLifecycle;
  backoff?: BackoffOptions;
  rediscoverMs?: number;
  sourcePollMs?: number;
  /** In-cluster mode: prefix of the service-account paths and the environment read (tests stand in for a pod). */
  serviceAccountPrefix?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The sources named in the config, keyed by what they were built from, so a
 * reload restarts only the ones that changed. A remote-secret source whose
 * home kubeconfig cannot be loaded stays listed, in state error.
 */
function sourcesFrom(cfg: ClustersConfig, opts: FleetRuntimeOptions): SourceEntry[] {
  const resolve = opts.resolvePath ?? ((p: string) => p);
  const out: SourceEntry[] = cfg.kubeconfigs.map((k) => ({
    key: JSON.stringify({ kubeconfig: resolve(k.path), k }),
    make: () => new KubeconfigFileSource(resolve(k.path), { contexts: k.contexts, exclude: k.exclude, overrides: k.overrides }, opts.sourcePollMs),
  }));
  for (const r of cfg.remoteSecrets) {
    const file = resolve(r.kubeconfig);
    out.push({
      key: JSON.stringify({ remoteSecrets: file, r }),
      make: () => {
        try {
          const kc = new KubeConfig();
          kc.loadFromString(readFileSync(file, 'utf8'));
          if (r.context) kc.setCurrentContext(r.context);
          return new RemoteSecretSource(kc, r.context ?? kc.getCurrentContext(), r.namespace, { requestTimeoutMs: cfg.requestTimeoutSeconds * 1000, staleAfterMs: cfg.staleAfterSeconds * 1000 });
        } catch (err) {
          opts.logger?.error({ err, kubeconfig: file }, 'remote-secret source: cannot load the home cluster kubeconfig');
          return new FailedSource(`remote-secrets:${file}${r.context ? `#${r.context}` : ''}/${r.namespace}`, 'remote-secrets', `cannot load the home cluster kubeconfig ${file}: ${(err as Error).message}`);
        }
      },
    });
  }
  if (cfg.inCluster) out.push(...inClusterSources(cfg, cfg.inCluster, opts));
  return out;
}

/** The home cluster through the pod's service account and, unless turned off, the clusters of its remote secrets. */
function inClusterSources(cfg: ClustersConfig, ic: NonNullable<ClustersConfig['inCluster']>, opts: FleetRuntimeOptions): SourceEntry[] {
  const { name, displayName, mesh, network, remoteSecretsNamespace } = ic;
  const paths = { pathPrefix: opts.serviceAccountPrefix, env: opts.env };
  const out: SourceEntry[] = [{ key: JSON.stringify({ inCluster: ic }), make: () => new InClusterSource({ name, displayName, mesh, network, ...paths }) }];
  if (remoteSecretsNamespace) {
    out.push({
      key: JSON.stringify({ inClusterRemoteSecrets: ic }),
      make: () => {
        const kc = inClusterKubeConfig(paths);
        if ('error' in kc) return new FailedSource(`remote-secrets:${name}/${remoteSecretsNamespace}`, 'remote-secrets', `cannot reach the home cluster ${name}: ${kc.error}`);
        return new RemoteSecretSource(kc, name, remoteSecretsNamespace, { requestTimeoutMs: cfg.requestTimeoutSeconds * 1000, staleAfterMs: cfg.staleAfterSeconds * 1000 });
      },
    });
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
    maxConcurrentLists: cfg.maxConcurrentLists,
    istiodPollsInFlight: cfg.istiodPollsInFlight,
    maxConcurrentIstiodPolls: cfg.maxConcurrentIstiodPolls,
    backoff: opts.backoff ?? DEFAULT_BACKOFF,
    rediscoverMs: opts.rediscoverMs ?? 60_000,
  }, opts.lifecycle, opts.logger);
  const started = manager.start();
  const tuning = (c: ClustersConfig) => JSON.stringify([c.staleAfterSeconds, c.istiodPollSeconds, c.requestTimeoutSeconds, c.maxConcurrentLists, c.istiodPollsInFlight, c.maxConcurrentIstiodPolls]);
  return {
    model,
    manager,
    started,
    reconfigure: async (next) => {
      if (tuning(next) !== tuning(cfg)) opts.logger?.warn('cluster timing settings changed: they apply after a restart; sources are reloaded now');
      await manager.replaceSources(sourcesFrom(next, opts));
    },
    stop: () => manager.stop(),
  };
}
