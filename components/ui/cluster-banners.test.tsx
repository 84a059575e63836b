import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ClusterBanners } from './cluster-banners';

describe('ClusterBanners', () => {
  it('says nothing when every cluster is ok', () => {
    expect(renderToStaticMarkup(<ClusterBanners clusters={{ a: { state: 'ok', dataAgeSeconds: 1 }, b: { state: 'ok', dataAgeSeconds: 2 } }} />)).toBe('');
  });

  it('gives each cluster that is not ok a banner with its reason and data age, and only those', () => {
    const html = renderToStaticMarkup(
      <ClusterBanners
        clusters={{
          'us-east-1': { state: 'ok', dataAgeSeconds: 1 },
          'eu-central-1': { state: 'unreachable', reason: 'connect ECONNREFUSED', dataAgeSeconds: 125 },
          'us-west-2': { state: 'syncing', dataAgeSeconds: 0 },
        }}
      />,
    );
    expect(html).toContain('data-testid="cluster-banner-eu-central-1"');
    expect(html).toContain('<strong>unreachable</strong>: connect ECONNREFUSED');
    expect(html).toContain('2 min old');
    expect(html).toContain('href="/clusters/eu-central-1"');
    expect(html).not.toContain('cluster-banner-us-east-1');
  });
});
