import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '@/lib/access/api';
import { capabilitiesOf, type Role } from '@/lib/access/roles';
import { qk } from '@/lib/api/query-keys';
import { SideNav } from './side-nav';

vi.mock('next/navigation', () => ({ usePathname: () => '/' }));

function me(role: Role): Me {
  return { authenticated: true, mode: 'oidc', kind: 'user', user: 'olga', groups: [], role, capabilities: capabilitiesOf(role), csrfToken: 'x' };
}

/** The nav as rendered with a given /auth/me answer in the cache (undefined: not known yet). */
function render(answer: Me | undefined): string {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, enabled: false } } });
  if (answer) client.setQueryData(qk.access.me, answer);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <SideNav />
    </QueryClientProvider>,
  );
}

describe('SideNav', () => {
  it('does not offer a viewer the Config section the server refuses it', () => {
    const html = render(me('viewer'));
    expect(html).toContain('href="/topology"');
    expect(html).not.toContain('href="/config"');
  });

  it('offers Config to operators and admins', () => {
    expect(render(me('operator'))).toContain('href="/config"');
    expect(render(me('admin'))).toContain('href="/config"');
  });

  it('offers no gated section before /auth/me has answered', () => {
    const html = render(undefined);
    expect(html).toContain('href="/services"');
    expect(html).not.toContain('href="/config"');
  });
});
