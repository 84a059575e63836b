import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

describe('sim CLI arguments', () => {
  it('defaults to the demo fleet, healthy, no Prometheus', () => {
    expect(parseCliArgs([])).toMatchObject({ fleet: 'demo', scenario: 'healthy', prometheus: 'none', clusterLabel: 'cluster' });
  });

  it('parses a generated fleet', () => {
    const o = parseCliArgs(['--clusters', '5', '--services', '10', '--pods', '3', '--seed', '42', '--scenario', 'failover', '--prometheus', 'global', '--kubeconfig-out', '/tmp/k']);
    expect(o.fleet).toEqual({ clusters: 5, namespaces: 4, services: 10, pods: 3, seed: 42, meshes: 1 });
    expect(o).toMatchObject({ scenario: 'failover', prometheus: 'global', kubeconfigOut: '/tmp/k' });
  });

  it('names the bad flag', () => {
    expect(() => parseCliArgs(['--clusters', 'many'])).toThrow(/--clusters/);
    expect(() => parseCliArgs(['--scenario', 'meteor'])).toThrow(/--scenario/);
    expect(() => parseCliArgs(['--prometheus', 'thanos'])).toThrow(/--prometheus/);
    expect(() => parseCliArgs(['--fleet', 'big'])).toThrow(/--fleet/);
    expect(() => parseCliArgs(['--colors'])).toThrow(/--colors/);
    expect(() => parseCliArgs(['--pods', '3'])).toThrow(/--clusters/);
  });
});
