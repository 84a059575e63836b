import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { QueryBody, QueryView } from './query-view';

const query = (over: Partial<{ data: string[]; error: Error | null; isPending: boolean }>) => ({ data: undefined, error: null, isPending: false, refetch: () => undefined, ...over });
const list = (items: string[]) => (items.length ? <ul>{items.map((i) => <li key={i}>{i}</li>)}</ul> : <p>No services yet</p>);
const render = (q: ReturnType<typeof query>) =>
  renderToStaticMarkup(<QueryBody query={q} what="services">{list}</QueryBody>);

describe('QueryView', () => {
  it('renders the skeleton on the server and while hydrating, even when the cache already holds data', () => {
    // A page segment hydrates after the layout, whose queries may have answered meanwhile: the HTML must still match.
    const html = renderToStaticMarkup(<QueryView query={query({ data: ['reviews'] })} what="services">{list}</QueryView>);
    expect(html).toContain('aria-label="Loading services"');
    expect(html).not.toContain('reviews');
  });
});

describe('QueryBody', () => {
  it('shows a labelled skeleton while loading', () => {
    const html = render(query({ isPending: true }));
    expect(html).toContain('role="status"');
    expect(html).toContain('aria-label="Loading services"');
  });

  it('shows the server\'s reason with a retry when the query failed', () => {
    const html = render(query({ error: new Error('503 nothing synced yet') }));
    expect(html).toContain('Cannot load services');
    expect(html).toContain('503 nothing synced yet');
    expect(html).toContain('<button');
  });

  it('renders the data, the empty answer included, once there is one', () => {
    expect(render(query({ data: ['reviews', 'ratings'] }))).toContain('<li>ratings</li>');
    expect(render(query({ data: [] }))).toContain('No services yet');
    // Data wins over a later refetch error: the page keeps what it has.
    expect(render(query({ data: ['reviews'], error: new Error('refetch failed') }))).not.toContain('refetch failed');
  });
});
