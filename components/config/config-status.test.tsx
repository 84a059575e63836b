import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ConfigSummary } from '@/lib/fleet/config';
import { configStatus } from '@/lib/fleet/config-status';
import { configStatuses } from '@/lib/ui/config-statuses';
import { configKey } from '@/lib/ui/config-view';
import { ConfigStatusCell } from './config-status-cell';

const G = 'gateway.networking.k8s.io';
const parents = (reason?: string) => ({
  parents: [{ parentRef: { name: 'public', namespace: 'istio-ingress', sectionName: 'http' }, conditions: [{ type: 'Accepted', status: 'True' }, reason ? { type: 'ResolvedRefs', status: 'False', reason } : { type: 'ResolvedRefs', status: 'True' }] }],
});
/** A list row as the server answers it: the status summary read from the object's conditions. */
const summary = (cluster: string, kind: string, namespace: string, name: string, status?: unknown, group = G): ConfigSummary => {
  const statusSummary = configStatus(status, namespace);
  return { cluster, group, version: 'v1', kind, namespace, name, labels: {}, ...(statusSummary ? { statusSummary } : {}) };
};

function render(items: ConfigSummary[]): string {
  const statusOf = configStatuses(items);
  const seen = new Set<string>();
  return renderToStaticMarkup(
    <>
      {items.filter((o) => !seen.has(configKey(o)) && seen.add(configKey(o))).map((o) => (
        <ConfigStatusCell key={configKey(o)} object={o} status={statusOf(configKey(o))} />
      ))}
    </>,
  );
}

describe('config status cells', () => {
  it('merges an HTTPRoute over its clusters and names the failing parent condition with its cluster', () => {
    const html = render([summary('us-east-1', 'HTTPRoute', 'istio-ingress', 'bookinfo', parents()), summary('us-west-2', 'HTTPRoute', 'istio-ingress', 'bookinfo', parents('RefNotPermitted'))]);
    expect(html).toContain('data-testid="config-status-HTTPRoute-istio-ingress-bookinfo" data-status="error"');
    expect(html).toContain('us-west-2 · Gateway istio-ingress/public:http: ResolvedRefs False RefNotPermitted');
    expect(html).not.toContain('us-east-1 ·');
  });

  it('is ok when every cluster that reports conditions accepts it, a dash when none reports any yet', () => {
    expect(render([summary('us-east-1', 'HTTPRoute', 'shop', 'cart', parents()), summary('us-west-2', 'HTTPRoute', 'shop', 'cart')])).toContain('data-status="ok"');
    const fresh = render([summary('us-east-1', 'HTTPRoute', 'shop', 'cart')]);
    expect(fresh).not.toContain('data-status');
    expect(fresh).toContain('—');
  });

  it('shows no status for Istio kinds or ReferenceGrants, whatever they carry', () => {
    const html = render([summary('c', 'VirtualService', 'shop', 'cart', { conditions: [{ type: 'Reconciled', status: 'False' }] }, 'networking.istio.io'), summary('c', 'ReferenceGrant', 'bookinfo', 'allow', parents('x'))]);
    expect(html).not.toContain('data-status');
  });
});
