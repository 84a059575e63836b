import 'server-only';
import { createHash } from 'node:crypto';
import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterCandidate } from './types';
import { selected } from './glob';

/** What to take from one kubeconfig text. */
export interface ContextSelection {
  contexts: string[];
  exclude: string[];
  overrides: Record<string, { displayName?: string; mesh?: string; network?: string }>;
}

/**
 * One candidate per selected context of a kubeconfig. A context naming a
 * missing cluster or user fails that cluster alone, with a clear reason; an
 * unparsable file yields one failed candidate named after the source.
 */
export function candidatesFromKubeconfig(text: string, source: string, sel: ContextSelection, fallbackName: string): ClusterCandidate[] {
  const all = new KubeConfig();
  try {
    all.loadFromString(text);
  } catch (err) {
    return [{ name: fallbackName, displayName: fallbackName, source, kubeConfig: { error: `malformed kubeconfig (${source}): ${(err as Error).message}` }, fingerprint: `error:${text.length}` }];
  }
  const out: ClusterCandidate[] = [];
  for (const ctx of all.getContexts()) {
    if (!selected(ctx.name, sel.contexts, sel.exclude)) continue;
    const o = sel.overrides[ctx.name] ?? {};
    const base = { name: ctx.name, displayName: o.displayName ?? ctx.name, source: `${source}#${ctx.name}`, mesh: o.mesh, network: o.network };
    const cluster = all.getCluster(ctx.cluster);
    const user = ctx.user ? all.getUser(ctx.user) : null;
    let error: string | undefined;
    if (!cluster) error = `context "${ctx.name}" names cluster "${ctx.cluster}", which the kubeconfig does not define`;
    else if (!cluster.server) error = `cluster "${ctx.cluster}" has no server URL`;
    else if (ctx.user && !user) error = `context "${ctx.name}" names user "${ctx.user}", which the kubeconfig does not define`;
    if (error || !cluster) {
      out.push({ ...base, kubeConfig: { error }, fingerprint: `error:${error}` } as ClusterCandidate);
      continue;
    }
    const kc = new KubeConfig();
    kc.loadFromOptions({ clusters: [cluster], users: user ? [user] : [], contexts: [ctx], currentContext: ctx.name });
    const fingerprint = createHash('sha256').update(JSON.stringify({ cluster, user, ctx })).digest('hex');
    out.push({ ...base, kubeConfig: kc, fingerprint });
  }
  return out;
}
