import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Me } from '../access/api';
import { capabilitiesOf } from '../access/roles';
import { qk } from './query-keys';
import { useCapability } from './workspaces-ui';

function Probe() {
  return <span>{String(useCapability('configSpecs'))}</span>;
}

/** What useCapability reads with a given /auth/me answer in a fresh QueryClient (retries off). */
function read(me?: Me): string {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, enabled: false } } });
  if (me) client.setQueryData(qk.access.me, me);
  return renderToStaticMarkup(<QueryClientProvider client={client}><Probe /></QueryClientProvider>);
}

const me = (role: 'viewer' | 'operator'): Me => ({ authenticated: true, mode: 'header', kind: 'user', user: 'u', groups: [], role, capabilities: capabilitiesOf(role), csrfToken: 't' });

describe('useCapability', () => {
  it('is unknown until /auth/me answers, then follows the role', () => {
    expect(read()).toContain('undefined');
    expect(read(me('viewer'))).toContain('false');
    expect(read(me('operator'))).toContain('true');
  });
});
