import { describe, expect, it } from 'vitest';
import type { Me } from '../access/api';
import { withCsrfRetry } from './csrf-retry';
import { ApiRequestError } from './fetch-json';

const me = (csrfToken: string) => ({ csrfToken }) as Me;
const refusal = (code: string) => new ApiRequestError(403, 'refused', 'r1', { error: { code, message: 'refused' }, requestId: 'r1' });

describe('withCsrfRetry', () => {
  it('reads /auth/me again and retries once when the token is refused as stale', async () => {
    const sent: string[] = [];
    const out = await withCsrfRetry(me('old'), async () => me('new'), async (m) => {
      sent.push(m.csrfToken);
      if (m.csrfToken === 'old') throw refusal('csrf');
      return 'done';
    });
    expect([out, sent]).toEqual(['done', ['old', 'new']]);
  });

  it('does not retry other refusals, nor a second csrf refusal', async () => {
    let refreshed = 0;
    const refresh = async () => (refreshed++, me('new'));
    await expect(withCsrfRetry(me('t'), refresh, async () => { throw refusal('forbidden'); })).rejects.toThrow('refused');
    expect(refreshed).toBe(0);
    await expect(withCsrfRetry(me('t'), refresh, async () => { throw refusal('csrf'); })).rejects.toThrow('refused');
    expect(refreshed).toBe(1);
  });
});
