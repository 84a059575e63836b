import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Me } from '@/lib/access/api';
import { capabilitiesOf, type Role } from '@/lib/access/roles';
import { qk } from '@/lib/api/query-keys';
import { TrafficSplitPanel } from './traffic-split-panel';

const me = (role: Role): Me => ({ authenticated: true, mode: 'oidc', kind: 'user', user: 'u', groups: [], role, capabilities: capabilitiesOf(role), csrfToken: 'x' });

/** The panel rendered with a given /auth/me answer, and whether it would ask for config objects. */
function render(role: Role): { html: string; asksConfig: boolean } {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(qk.access.me, me(role));
  const html = renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <TrafficSplitPanel namespace="shop" name="cart" clusters={['c1']} />
    </QueryClientProvider>,
  );
  const config = client.getQueryCache().findAll({ queryKey: ['config'] });
  return { html, asksConfig: config.some((q) => (q.options as { enabled?: unknown }).enabled !== false) };
}

describe('TrafficSplitPanel', () => {
  it('asks a viewer for no config objects (the server refuses them) and says why there are none', () => {
    const viewer = render('viewer');
    expect(viewer.asksConfig).toBe(false);
    expect(viewer.html).toContain('shown to operators');
  });

  it('asks an operator for the service\'s config', () => {
    const operator = render('operator');
    expect(operator.asksConfig).toBe(true);
    expect(operator.html).not.toContain('shown to operators');
  });
});
