import type { ChurnItem } from '../history/churn-query';
import { plural } from './format';
import type { Problem } from './problems';

const enc = encodeURIComponent;

/**
 * Objects rewritten again and again (GET /api/v1/changes/churn): one line
 * per object, naming every cluster where it churns. Two controllers fighting
 * over one VirtualService, or a GitOps loop, look like this; each rewrite is
 * pushed to every proxy that uses it.
 */
export function churnProblems(items: readonly ChurnItem[], minutes: number): Problem[] {
  const byObject = new Map<string, ChurnItem[]>();
  for (const i of items) {
    const key = `${i.kind}\u0000${i.namespace ?? ''}\u0000${i.name}`;
    byObject.set(key, [...(byObject.get(key) ?? []), i]);
  }
  return [...byObject.values()].map((rows) => {
    const { kind, namespace, name } = rows[0]!;
    const clusters = rows.map((r) => r.cluster).sort();
    const most = Math.max(...rows.map((r) => r.changes));
    const where = namespace ? `${namespace}/${name}` : name;
    const filter = [clusters.length === 1 ? `cluster=${enc(clusters[0]!)}` : '', namespace ? `namespace=${enc(namespace)}` : '', `category=${enc(rows[0]!.category)}`, 'window=15m'].filter(Boolean).join('&');
    return {
      id: `churn/${kind}/${where}`,
      kind: 'config-churn' as const,
      severity: 'warning' as const,
      title: `${kind} ${where} changed ${plural(most, 'time')} in ${minutes} min in ${clusters.join(', ')}`,
      detail: 'Something keeps rewriting it (two controllers, a GitOps loop): every change is pushed to the proxies that use it.',
      href: `/changes?${filter}`,
      cluster: clusters.length === 1 ? clusters[0] : undefined,
    };
  });
}
