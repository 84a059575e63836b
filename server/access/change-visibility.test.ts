import { describe, expect, it } from 'vitest';
import type { ChangeEntry } from '@/lib/history/change-types';
import { ALL, type VisibilityScope } from '../fleet/scope';
import { visibleChange, visibleSelectors } from './change-visibility';

const entry = (over: Partial<ChangeEntry> = {}): ChangeEntry => ({
  id: '1', at: '2026-12-07T01:00:00.000Z', cluster: 'us-east-1', category: 'config', kind: 'DestinationRule', namespace: 'bookinfo', name: 'reviews',
  action: 'changed', summary: 'DestinationRule bookinfo/reviews changed: spec.trafficPolicy.tls.mode ISTIO_MUTUAL → DISABLE',
  diff: [{ path: 'spec.trafficPolicy.tls.mode', before: 'ISTIO_MUTUAL', after: 'DISABLE' }], services: ['bookinfo/reviews'], ...over,
});
const grants = (role: 'viewer' | 'operator', selectors: string[]): VisibilityScope => ({
  kind: 'grants',
  grants: [{ workspace: 'w', role, selectors: selectors.map((s) => ({ cluster: s.split('/')[0]!, namespace: s.split('/')[1]! })) }],
});

describe('change visibility', () => {
  it('an admin sees every change whole, and queries without selectors', () => {
    expect(visibleSelectors(ALL)).toBeUndefined();
    expect(visibleChange(ALL, entry())).toEqual(entry());
  });

  it('a scoped caller queries with its workspaces\' selectors and sees nothing outside them', () => {
    const scope = grants('operator', ['us-*/bookinfo']);
    expect(visibleSelectors(scope)).toEqual([{ cluster: 'us-*', namespace: 'bookinfo' }]);
    expect(visibleChange(scope, entry({ namespace: 'payments' }))).toBeUndefined();
    expect(visibleChange(scope, entry({ cluster: 'eu-west-1' }))).toBeUndefined();
    expect(visibleChange(scope, entry())).toEqual(entry());
  });

  it('a viewer learns that config changed, not its values', () => {
    const seen = visibleChange(grants('viewer', ['*/bookinfo']), entry());
    expect(seen).toMatchObject({ redacted: true, diff: [], summary: 'DestinationRule bookinfo/reviews changed' });
    expect(JSON.stringify(seen)).not.toContain('DISABLE');
    // Other categories carry no config values: a viewer sees them whole.
    const deploy = entry({ category: 'workload', kind: 'Deployment', summary: 'image reviews:v2 → v3' });
    expect(visibleChange(grants('viewer', ['*/bookinfo']), deploy)).toEqual(deploy);
  });
});
