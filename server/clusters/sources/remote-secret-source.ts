import 'server-only';
import { createHash } from 'node:crypto';
import { KubeConfig } from '@kubernetes/client-node';
import { DEFAULT_BACKOFF } from '../backoff';
import { KubeClient } from '../kube-client';
import type { AnyRecord, KindSpec } from '../kinds';
import { ListWatch } from '../list-watch';
import type { SlimResult } from '../records';
import { candidatesFromKubeconfig } from './kubeconfig-contexts';
import type { ClusterCandidate, ClusterSource, SourceHealth } from './types';

/** The clusters one remote secret names: data key = cluster name, value = kubeconfig. */
export function candidatesFromSecret(o: unknown, home: string): SlimResult<ClusterCandidate[]> {
  const s = o as { metadata?: { name?: unknown; namespace?: unknown }; data?: unknown };
  const name = typeof s?.metadata?.name === 'string' ? s.metadata.name : undefined;
  if (!name) return { ok: false, reason: 'metadata.name missing' };
  const source = `remote-secret:${home}/${String(s.metadata?.namespace ?? '')}/${name}`;
  const data = typeof s.data === 'object' && s.data !== null ? (s.data as Record<string, unknown>) : {};
  const out: ClusterCandidate[] = [];
  for (const [cluster, value] of Object.entries(data)) {
    const text = typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : '';
    // The secret's kubeconfig has one context; whatever it is called, the data key names the cluster.
    const found = candidatesFromKubeconfig(text, source, { contexts: ['*'], exclude: [], overrides: {} }, cluster);
    const first = found[0];
    if (!first) {
      out.push({ name: cluster, displayName: cluster, source, kubeConfig: { error: `remote secret ${name}: kubeconfig for ${cluster} has no context` }, fingerprint: 'no-context' });
      continue;
    }
    let kubeConfig = first.kubeConfig;
    if (!('error' in kubeConfig)) {
      const kc = new KubeConfig();
      kc.loadFromString(text);
      if (first.name !== kc.getCurrentContext()) kc.setCurrentContext(first.name);
      kubeConfig = kc;
    }
    out.push({ name: cluster, displayName: cluster, source, kubeConfig, fingerprint: createHash('sha256').update(text).digest('hex') });
  }
  return { ok: true, record: out };
}

/**
 * Clusters from the Istio remote secrets (label istio/multiCluster=true) in a
 * home cluster: the credentials istiod itself uses. Watched, so a secret
 * added or removed adds or removes its clusters without a restart.
 */
export class RemoteSecretSource implements ClusterSource {
  readonly id: string;
  private watch?: ListWatch;
  private client?: KubeClient;
  private readonly bySecret = new Map<string, ClusterCandidate[]>();

  constructor(private readonly home: KubeConfig, private readonly homeName: string, private readonly namespace: string, private readonly opts: { requestTimeoutMs: number; staleAfterMs: number }) {
    this.id = `remote-secrets:${homeName}/${namespace}`;
  }

  /** The home cluster's state as the secrets' watch sees it: unreachable, unauthorized, forbidden are shown, never hidden behind an empty fleet. */
  status(): SourceHealth {
    const base = { id: this.id, kind: 'remote-secrets' as const };
    const st = this.watch?.status;
    const f = st?.failure;
    if (f) return { ...base, state: f.kind, reason: `home cluster ${this.homeName}: ${f.message}` };
    return st?.synced ? { ...base, state: 'ok' } : { ...base, state: 'syncing', reason: `reading remote secrets from ${this.homeName}` };
  }

  async start(onChange: (clusters: ClusterCandidate[]) => void, onStatus?: () => void): Promise<void> {
    const spec = {
      id: 'remote-secrets',
      role: 'secrets',
      group: '',
      version: 'v1',
      kind: 'Secret',
      plural: 'secrets',
      namespaced: true,
      namespace: this.namespace,
      labelSelector: 'istio/multiCluster=true',
      slim: (o: unknown) => candidatesFromSecret(o, this.homeName),
    } as unknown as KindSpec;
    const emit = () => onChange([...this.bySecret.values()].flat());
    this.client = new KubeClient(this.home, this.opts.requestTimeoutMs);
    this.watch = new ListWatch(this.client, spec, { staleAfterMs: this.opts.staleAfterMs, backoff: DEFAULT_BACKOFF }, {
      replace: (_s, records: Map<string, AnyRecord>) => {
        this.bySecret.clear();
        for (const [k, v] of records) this.bySecret.set(k, v as unknown as ClusterCandidate[]);
        emit();
      },
      set: (_s, key, rec) => {
        if (rec) this.bySecret.set(key, rec as unknown as ClusterCandidate[]);
        else this.bySecret.delete(key);
        emit();
      },
      // The secrets can no longer be read (403): their clusters were read with credentials the source no longer has.
      drop: () => {
        if (this.bySecret.size === 0) return;
        this.bySecret.clear();
        emit();
      },
      statusChanged: () => onStatus?.(),
    });
    this.watch.start();
    await this.watch.firstAttempt;
  }

  stop(): void {
    this.watch?.stop();
    this.client?.close();
  }
}
