import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SyncUnknownNote } from './proxy-sync-table';

describe('SyncUnknownNote', () => {
  it('says the sync state is unknown, why, and how many pods carry a sidecar', () => {
    const html = renderToStaticMarkup(<SyncUnknownNote sync={{ state: 'error', reason: 'error dialing backend: dial tcp 10.0.0.5:10250' }} sidecars={18} />);
    expect(html).toContain('Sync state unknown: istiod could not be polled: error dialing backend: dial tcp 10.0.0.5:10250. 18 pods carry a sidecar.');
    expect(renderToStaticMarkup(<SyncUnknownNote sync={{ state: 'pending' }} sidecars={3} />)).toContain('not been polled yet');
  });

  it('says nothing when istiod answered', () => {
    expect(renderToStaticMarkup(<SyncUnknownNote sync={{ state: 'ok' }} sidecars={18} />)).toBe('');
    expect(renderToStaticMarkup(<SyncUnknownNote sync={undefined} sidecars={0} />)).toBe('');
  });
});
