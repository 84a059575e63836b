import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OverviewCounts } from './overview-counts';

describe('OverviewCounts', () => {
  it('tells loading (…), unknown (— with why) and a number apart', () => {
    const html = renderToStaticMarkup(
      <OverviewCounts
        counts={[
          { label: 'Services', value: undefined, href: '/services' },
          { label: 'Proxies', value: null, href: '/clusters', note: '18 sidecars, sync state unknown', title: 'us-east-1: error dialing backend' },
          { label: 'Clusters', value: 1234, href: '/clusters' },
        ]}
      />,
    );
    expect(html).toMatch(/data-testid="count-services"[^>]*>…</);
    expect(html).toMatch(/data-testid="count-proxies"[^>]*>—</);
    expect(html).toContain('18 sidecars, sync state unknown');
    expect(html).toContain('title="us-east-1: error dialing backend"');
    expect(html).toContain('1,234');
    expect(html).not.toMatch(/count-proxies[^>]*>0</);
  });
});
