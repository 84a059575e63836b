import { describe, expect, it } from 'vitest';
import { builtinKinds, configKind, type AnyRecord } from '../clusters/kinds';
import { slimConfigObject } from '../clusters/slim/istio';
import samples from './__fixtures__/admiral-samples.json';
import { admiralEnv, globalName, parseDependency, parseGtp } from './admiral';
import { getIdentities, getIdentity } from './identities';
import { FleetModel } from './model';
import { ALL } from './scope';

const [, services, , pods, , nodes] = builtinKinds();
const gtpKind = configKind('admiral.io', 'v1alpha1', 'GlobalTrafficPolicy', 'globaltrafficpolicies', true);
const depKind = configKind('admiral.io', 'v1alpha1', 'Dependency', 'dependencies', true);
const slim = (o: unknown, kind: typeof gtpKind) => {
  const r = slimConfigObject(o, 'admiral.io', 'v1alpha1', kind.kind, true);
  if (!r.ok) throw new Error(r.reason);
  return r.record;
};
type Template = { spec: { template: { metadata: { labels: Record<string, string>; annotations: Record<string, string> } } } };
const webapp = (samples['webapp.yaml'][0] as unknown as Template).spec.template.metadata;
const pod = (ns: string, name: string, workload: string, labels: Record<string, string>, annotations: Record<string, string>, ready = true) =>
  ({ namespace: ns, name, labels, annotations, phase: 'Running', ready, workload: { kind: 'Deployment', name: workload }, hasProxy: true }) as unknown as AnyRecord;
const greeting = { labels: { app: 'greeting', identity: 'greeting' }, annotations: { 'admiral.io/env': 'stage' } };

/** Two clusters in two regions with the samples' workloads, GTP and Dependencies. */
function fleet(gtpSample: 'gtp.yaml' | 'gtp_failover.yaml' | 'gtp_topology.yaml' = 'gtp.yaml'): FleetModel {
  const m = new FleetModel();
  for (const [c, region] of [['west', 'us-west-2'], ['east', 'us-east-2']] as const) {
    m.upsertCluster({ name: c, displayName: c, source: 'test' });
    m.apply(c, nodes!, `${c}-n1`, { name: `${c}-n1`, region, zone: `${region}a` } as AnyRecord);
    m.apply(c, services!, 'istio-system/istio-eastwestgateway', { namespace: 'istio-system', name: 'istio-eastwestgateway', type: 'LoadBalancer', ports: [{ port: 15443, protocol: 'TCP' }], labels: { istio: 'eastwestgateway' }, externalAddresses: [`192.0.2.${c.length}`] } as AnyRecord);
    m.apply(c, pods!, `sample/greeting-${c}`, pod('sample', `greeting-${c}`, 'greeting', greeting.labels, greeting.annotations));
  }
  m.apply('west', pods!, 'sample/greeting-west-2', pod('sample', 'greeting-west-2', 'greeting', greeting.labels, greeting.annotations, false));
  m.apply('east', pods!, 'sample/webapp-1', pod('sample', 'webapp-1', 'webapp', webapp.labels, webapp.annotations));
  const gtp = slim(samples[gtpSample][0], gtpKind);
  m.apply('east', gtpKind, `sample/${gtp.name}`, gtp);
  for (const d of samples['sample_dep.yaml']) {
    const rec = slim(d, depKind);
    m.apply('east', depKind, `admiral/${rec.name}`, rec);
  }
  return m;
}

describe('Admiral naming', () => {
  it('takes the env from admiral.io/env (annotation, then label), then env, then "default"', () => {
    expect(admiralEnv({}, { 'admiral.io/env': 'stage' })).toBe('stage');
    expect(admiralEnv({ 'admiral.io/env': 'qa', env: 'x' })).toBe('qa');
    expect(admiralEnv({ env: 'prod' })).toBe('prod');
    expect(admiralEnv({})).toBe('default');
    expect(globalName('stage', 'greeting')).toBe('stage.greeting.global');
  });

  it('reads the GTP samples: identity from metadata labels, env from the annotation, lbType and targets', () => {
    const gtp = parseGtp(slim(samples['gtp.yaml'][0], gtpKind))!;
    expect(gtp).toMatchObject({ identity: 'greeting', env: 'stage', globalName: 'stage.greeting.global' });
    expect(gtp.policies).toEqual([{ dnsPrefix: 'default', host: 'stage.greeting.global', lbTypeCode: 1, lbType: 'failover', targets: [{ region: 'us-west-2', weight: 80 }, { region: 'us-east-2', weight: 20 }] }]);
    const failover = parseGtp(slim(samples['gtp_failover.yaml'][0], gtpKind))!;
    expect(failover.policies.map((p) => [p.host, p.lbType])).toEqual([['stage.greeting.global', 'topology'], ['west.stage.greeting.global', 'failover'], ['east.stage.greeting.global', 'failover']]);
  });

  it('reads the Dependency samples', () => {
    const deps = samples['sample_dep.yaml'].map((d) => parseDependency(slim(d, depKind))!);
    expect(deps[0]).toEqual({ name: 'dependency-webapp', source: 'webapp', identityLabel: 'identity', destinations: ['greeting'] });
    expect(deps.filter((d) => d.destinations.includes('greeting')).map((d) => d.source).sort()).toEqual(['job', 'monovertex', 'webapp']);
  });
});

describe('identities of the fleet model', () => {
  it('lists global names with per-cluster endpoints, localities and gateways', () => {
    const res = getIdentities(fleet(), ALL, { page: 1, pageSize: 50 });
    expect(res.data.items.map((i) => i.name)).toEqual(['stage.greeting.global', 'stage.webapp.global']);
    const g = res.data.items[0]!;
    expect(g.clusters).toEqual(['east', 'west']);
    expect(g.endpoints.find((e) => e.cluster === 'west')).toMatchObject({ namespace: 'sample', workload: { kind: 'Deployment', name: 'greeting' }, pods: 2, readyPods: 1, regions: ['us-west-2'], gateway: { address: '192.0.2.4', port: 15443 } });
  });

  it('matches the GTP to its identity and resolves target regions to clusters', () => {
    const g = getIdentity(fleet(), ALL, 'stage.greeting.global')!.data;
    expect(g.trafficPolicies).toEqual([
      { source: { cluster: 'east', namespace: 'sample', name: 'gtp-service1' }, dnsPrefix: 'default', host: 'stage.greeting.global', lbType: 'failover', lbTypeCode: 1, targets: [{ region: 'us-west-2', weight: 80, clusters: ['west'] }, { region: 'us-east-2', weight: 20, clusters: ['east'] }] },
    ]);
    expect(getIdentity(fleet(), ALL, 'stage.webapp.global')!.data.trafficPolicies).toEqual([]);
  });

  it('relates identities through Dependencies', () => {
    const m = fleet();
    expect(getIdentity(m, ALL, 'stage.greeting.global')!.data.dependencies).toEqual({ dependsOn: ['httpbin'], dependents: ['job', 'monovertex', 'webapp'], dependentClusters: ['east'] });
    expect(getIdentity(m, ALL, 'stage.webapp.global')!.data.dependencies.dependsOn).toEqual(['greeting']);
  });

  it('filters by env and q, 404s an unknown name, and follows pods leaving', () => {
    const m = fleet();
    expect(getIdentities(m, ALL, { page: 1, pageSize: 50, env: 'prod' }).data.total).toBe(0);
    expect(getIdentities(m, ALL, { page: 1, pageSize: 50, q: 'WEB' }).data.items.map((i) => i.identity)).toEqual(['webapp']);
    expect(getIdentity(m, ALL, 'prod.greeting.global')).toBeUndefined();
    m.apply('east', pods!, 'sample/webapp-1', undefined);
    expect(getIdentity(m, ALL, 'stage.webapp.global')).toBeUndefined();
  });

  it('names identities/<global name> in change keys for pods and GTPs', async () => {
    const m = fleet();
    const keys: string[] = [];
    m.feed.subscribe((c) => keys.push(...c.keys));
    m.apply('west', pods!, 'sample/greeting-west-3', pod('sample', 'greeting-west-3', 'greeting', greeting.labels, greeting.annotations));
    const gtp = slim(samples['gtp_topology.yaml'][0], gtpKind);
    m.apply('east', gtpKind, `sample/${gtp.name}`, gtp);
    m.feed.flush();
    expect(keys).toContain('identities/stage.greeting.global');
    expect(getIdentity(m, ALL, 'stage.greeting.global')!.data.trafficPolicies.map((p) => p.lbType)).toEqual(['topology']);
  });
});
