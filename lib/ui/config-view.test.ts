import { describe, expect, it } from 'vitest';
import { configYaml, groupConfigObjects, parseConfigKey, sideBySide } from './config-view';

describe('config view', () => {
  it('groups the same object across clusters', () => {
    const o = (cluster: string, name: string) => ({ cluster, group: 'networking.istio.io', kind: 'DestinationRule', namespace: 'bookinfo', name });
    const rows = groupConfigObjects([o('a', 'reviews'), o('b', 'reviews'), o('a', 'ratings')]);
    expect(rows.map((r) => [r.key, r.clusters])).toEqual([
      ['networking.istio.io/DestinationRule/bookinfo/reviews', ['a', 'b']],
      ['networking.istio.io/DestinationRule/bookinfo/ratings', ['a']],
    ]);
  });

  it('parses keys, allowing the core group', () => {
    expect(parseConfigKey('networking.istio.io/VirtualService/bookinfo/reviews')).toEqual({ group: 'networking.istio.io', kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' });
    expect(parseConfigKey('/ConfigMap/ns/x')?.group).toBe('');
    expect(parseConfigKey('a/b')).toBeUndefined();
    expect(parseConfigKey(undefined)).toBeUndefined();
  });

  it('renders stable YAML and marks lines that differ', () => {
    const a = configYaml({ spec: { host: 'reviews', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } } });
    const b = configYaml({ spec: { trafficPolicy: { tls: { mode: 'DISABLE' } }, host: 'reviews' } });
    expect(a.split('\n')[0]).toBe('spec:');
    const [left, right] = sideBySide([a, b]);
    expect(left?.filter((l) => l.differs).map((l) => l.text.trim())).toEqual(['mode: ISTIO_MUTUAL']);
    expect(right?.filter((l) => l.differs).map((l) => l.text.trim())).toEqual(['mode: DISABLE']);
    expect(sideBySide([a, a, a]).flat().some((l) => l.differs)).toBe(false);
  });
});
