import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { qk } from '@/lib/api/query-keys';
import type { ConfigSummary } from '@/lib/fleet/config';
import { configKey } from '@/lib/ui/config-view';
import { ConfigStatusCell } from './config-status-cell';
import { useConfigStatuses } from './use-config-statuses';

const G = 'gateway.networking.k8s.io';
const summary = (cluster: string, kind: string, namespace: string, name: string, group = G): ConfigSummary => ({ cluster, group, version: 'v1', kind, namespace, name, labels: {} });
const parents = (reason?: string) => ({
  parents: [{ parentRef: { name: 'public', namespace: 'istio-ingress', sectionName: 'http' }, conditions: [{ type: 'Accepted', status: 'True' }, reason ? { type: 'ResolvedRefs', status: 'False', reason } : { type: 'ResolvedRefs', status: 'True' }] }],
});

function Rows({ items }: { items: ConfigSummary[] }) {
  const statusOf = useConfigStatuses(items, true);
  const seen = new Set<string>();
  return (
    <>
      {items.filter((o) => !seen.has(configKey(o)) && seen.add(configKey(o))).map((o) => (
        <ConfigStatusCell key={configKey(o)} object={o} status={statusOf(configKey(o))} />
      ))}
    </>
  );
}

/** Renders the cells with some details already in the cache (the rest stay loading). */
function render(items: ConfigSummary[], details: { o: ConfigSummary; status?: unknown }[]): string {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  for (const { o, status } of details) {
    client.setQueryData(qk.config.detail(o.cluster, o.group, o.kind, o.namespace, o.name), { data: { ...o, annotations: {}, spec: {}, status }, clusters: {}, revision: 1, generatedAt: '' });
  }
  return renderToStaticMarkup(<QueryClientProvider client={client}><Rows items={items} /></QueryClientProvider>);
}

describe('config status cells', () => {
  it('merges an HTTPRoute over its clusters and names the failing parent condition with its cluster', () => {
    const east = summary('us-east-1', 'HTTPRoute', 'istio-ingress', 'bookinfo');
    const west = summary('us-west-2', 'HTTPRoute', 'istio-ingress', 'bookinfo');
    const html = render([east, west], [{ o: east, status: parents() }, { o: west, status: parents('RefNotPermitted') }]);
    expect(html).toContain('data-testid="config-status-HTTPRoute-istio-ingress-bookinfo" data-status="error"');
    expect(html).toContain('us-west-2 · Gateway istio-ingress/public:http: ResolvedRefs False RefNotPermitted');
  });

  it('is ok when every cluster accepts it, loading while a cluster has not answered', () => {
    const east = summary('us-east-1', 'HTTPRoute', 'shop', 'cart');
    expect(render([east], [{ o: east, status: parents() }])).toContain('data-status="ok"');
    expect(render([east, summary('us-west-2', 'HTTPRoute', 'shop', 'cart')], [{ o: east, status: parents() }])).toContain('…');
  });

  it('asks no status of Istio kinds or ReferenceGrants', () => {
    const html = render([summary('c', 'VirtualService', 'shop', 'cart', 'networking.istio.io'), summary('c', 'ReferenceGrant', 'bookinfo', 'allow')], []);
    expect(html).not.toContain('data-status');
    expect(html).not.toContain('…');
  });
});
