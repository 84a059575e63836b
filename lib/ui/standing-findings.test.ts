import { describe, expect, it } from 'vitest';
import type { FindingItem } from '../api/findings';
import { findingHref, standingFindings } from './standing-findings';

const f = (id: string, code: string, level: FindingItem['level'], message: string, clusters: string[], kind = 'DestinationRule'): FindingItem => ({
  id, code, name: `${code}Name`, level, message, objects: clusters.map((cluster) => ({ kind, namespace: 'bookinfo', name: 'reviews', cluster })), clusters, fix: '',
});

describe('standingFindings', () => {
  it('groups by code, Errors first, keeping Istio\'s level, and merges one finding repeated across clusters', () => {
    const groups = standingFindings([
      f('1', 'MG0017', 'Info', 'a', ['us-east-1']),
      f('2', 'IST0101', 'Warning', 'host not found', ['us-east-1']),
      f('3', 'IST0101', 'Warning', 'host not found', ['us-west-2']),
      f('4', 'IST0101', 'Warning', 'other host not found', ['us-west-2']),
      f('5', 'IST0173', 'Error', 'subset selects no pods', ['eu-central-1']),
    ]);
    expect(groups.map((g) => [g.code, g.level, g.findings.length])).toEqual([['IST0173', 'Error', 1], ['IST0101', 'Warning', 2], ['MG0017', 'Info', 1]]);
    expect(groups[1]!.findings[0]!.clusters).toEqual(['us-east-1', 'us-west-2']);
    expect(groups[1]!.clusters).toEqual(['us-east-1', 'us-west-2']);
  });

  it('links each finding to its object with the cluster in the URL', () => {
    expect(findingHref({ kind: 'DestinationRule', namespace: 'bookinfo', name: 'reviews', cluster: 'us-east-1' })).toBe('/config?kind=DestinationRule&cluster=us-east-1&object=networking.istio.io%2FDestinationRule%2Fbookinfo%2Freviews');
    expect(findingHref({ kind: 'SomeNewKind', namespace: 'bookinfo', name: 'reviews', cluster: 'us-east-1' })).toBe('/config?kind=SomeNewKind&cluster=us-east-1&namespace=bookinfo&q=reviews');
    expect(findingHref({ kind: 'Service', namespace: 'bookinfo', name: 'reviews', cluster: 'us-east-1' })).toBe('/services/bookinfo/reviews?cluster=us-east-1');
    expect(findingHref({ kind: 'Pod', namespace: 'bookinfo', name: 'reviews-1', cluster: 'us-east-1' })).toBe('/clusters/us-east-1');
    expect(findingHref(undefined)).toBe('/config');
  });

  it('opens Gateway API routes compared across clusters, and a Gateway (Istio\'s or a waypoint) as the list filtered to its name', () => {
    expect(findingHref({ kind: 'HTTPRoute', namespace: 'shop', name: 'storefront', cluster: 'us-west-2' })).toBe('/config?kind=HTTPRoute&cluster=us-west-2&object=gateway.networking.k8s.io%2FHTTPRoute%2Fshop%2Fstorefront');
    expect(findingHref({ kind: 'Gateway', namespace: 'shop', name: 'waypoint', cluster: 'us-east-1' })).toBe('/config?kind=Gateway&cluster=us-east-1&namespace=shop&q=waypoint');
  });
});

describe('standingFindings and live state', () => {
  it('leaves out the findings the overview lists as live problems', () => {
    const groups = standingFindings([f('1', 'MG0006', 'Error', 'no address', ['us-west-2'], 'Service'), f('2', 'IST0101', 'Warning', 'host not found', ['us-east-1'])]);
    expect(groups.map((g) => g.code)).toEqual(['IST0101']);
  });
});
