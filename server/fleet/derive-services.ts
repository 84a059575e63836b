import 'server-only';
import type { SlimConfigObject, SlimPod, SlimService } from '../clusters/records';
import { DATAPLANE_SUMMARIES } from './dataplane-order';
import { instanceDataplane } from './ambient';
import { instanceWaypoint } from './waypoints';
import type { ServiceDetail, ServiceInstance, ServiceSummary } from '@/lib/fleet/services';
import type { ClusterStore } from './cluster-store';
import { canonicalRevision } from './derive-workloads';

/** One cluster's instance of a Service: ports, endpoints, the workloads and proxies behind it, its data-plane mode and waypoint. */
export function serviceInstance(store: ClusterStore, svc: SlimService): ServiceInstance {
  let ready = 0;
  let notReady = 0;
  const podKeys = new Set<string>();
  for (const sliceKey of store.slicesByService.get(`${svc.namespace}/${svc.name}`) ?? []) {
    for (const e of store.slices.get(sliceKey)?.endpoints ?? []) {
      if (e.ready) ready++;
      else notReady++;
      if (e.pod) podKeys.add(`${svc.namespace}/${e.pod}`);
    }
  }
  const workloads = new Map<string, ServiceInstance['workloads'][number]>();
  const versions = new Set<string>();
  const proxyVersions: Record<string, number> = {};
  let proxies = 0;
  const pods: SlimPod[] = [];
  for (const pk of podKeys) {
    const pod = store.pods.get(pk);
    if (!pod) continue;
    pods.push(pod);
    const version = canonicalRevision(pod.labels);
    if (version !== 'latest') versions.add(version);
    const wk = `${pod.workload.kind}/${pod.workload.name}`;
    const w = workloads.get(wk) ?? { kind: pod.workload.kind, name: pod.workload.name, version: version === 'latest' ? undefined : version, pods: 0, readyPods: 0 };
    w.pods++;
    if (pod.ready) w.readyPods++;
    workloads.set(wk, w);
    if (pod.hasProxy) {
      proxies++;
      const v = pod.proxyVersion ?? 'unknown';
      proxyVersions[v] = (proxyVersions[v] ?? 0) + 1;
    }
  }
  return {
    cluster: store.cluster,
    type: svc.type,
    clusterIP: svc.clusterIP,
    headless: svc.clusterIP === 'None',
    ports: svc.ports.map(({ name, port, protocol, appProtocol }) => ({ name, port, protocol, appProtocol })),
    endpoints: { ready, notReady },
    workloads: [...workloads.values()].sort((a, b) => a.name.localeCompare(b.name)),
    versions: [...versions].sort(),
    proxies: { total: proxies, versions: proxyVersions },
    dataplane: instanceDataplane(pods, store.namespaces.get(svc.namespace)?.labels),
    ...withWaypoint(instanceWaypoint(store, svc)),
  };
}

const withWaypoint = (w: ServiceInstance['waypoint']) => (w ? { waypoint: w } : {});

const portSig = (i: ServiceInstance) => i.ports.map((p) => `${p.port}/${p.protocol}`).sort().join(',');

/** The merged row of a service across its (visible) instances in one mesh, with IST0170-style inconsistencies. */
export function summariseService(mesh: string, namespace: string, name: string, instances: ServiceInstance[]): Omit<ServiceDetail, 'routes'> {
  const ports = new Map<string, ServiceInstance['ports'][number]>();
  for (const i of instances) for (const p of i.ports) ports.set(`${p.port}/${p.protocol}`, p);
  const inconsistencies: string[] = [];
  if (new Set(instances.map((i) => i.type)).size > 1) inconsistencies.push(`type differs: ${instances.map((i) => `${i.cluster}=${i.type}`).join(', ')}`);
  if (new Set(instances.map(portSig)).size > 1) inconsistencies.push(`ports differ: ${instances.map((i) => `${i.cluster}=[${portSig(i)}]`).join(', ')}`);
  if (new Set(instances.map((i) => i.headless)).size > 1) inconsistencies.push('headless in some clusters, ClusterIP in others');
  return {
    kind: 'Service',
    mesh,
    namespace,
    name,
    hosts: [`${name}.${namespace}.svc.cluster.local`],
    clusters: instances.map((i) => i.cluster),
    ports: [...ports.values()].sort((a, b) => a.port - b.port),
    endpoints: instances.reduce((a, i) => ({ ready: a.ready + i.endpoints.ready, notReady: a.notReady + i.endpoints.notReady }), { ready: 0, notReady: 0 }),
    versions: [...new Set(instances.flatMap((i) => i.versions))].sort(),
    proxies: instances.reduce((a, i) => a + i.proxies.total, 0),
    dataplanes: DATAPLANE_SUMMARIES.filter((m) => instances.some((i) => i.dataplane === m)),
    inconsistencies,
    instances,
  };
}

/** A ServiceEntry as a service: its hosts, location and resolution, merged across the clusters of one mesh that hold it. */
export function serviceEntrySummary(mesh: string, namespace: string, name: string, objects: Array<{ cluster: string; obj: SlimConfigObject }>): ServiceSummary {
  const hosts = new Set<string>();
  const ports = new Map<string, ServiceSummary['ports'][number]>();
  let location: string | undefined;
  let resolution: string | undefined;
  let endpoints = 0;
  for (const { obj } of objects) {
    const spec = (obj.spec ?? {}) as { hosts?: unknown; ports?: unknown; location?: unknown; resolution?: unknown; endpoints?: unknown };
    for (const h of Array.isArray(spec.hosts) ? spec.hosts : []) if (typeof h === 'string') hosts.add(h);
    for (const p of Array.isArray(spec.ports) ? spec.ports : []) {
      const po = p as { number?: unknown; protocol?: unknown; name?: unknown };
      if (typeof po?.number === 'number') ports.set(`${po.number}`, { port: po.number, protocol: typeof po.protocol === 'string' ? po.protocol : 'TCP', name: typeof po.name === 'string' ? po.name : undefined });
    }
    if (typeof spec.location === 'string') location = spec.location;
    if (typeof spec.resolution === 'string') resolution = spec.resolution;
    if (Array.isArray(spec.endpoints)) endpoints += spec.endpoints.length;
  }
  return {
    kind: 'ServiceEntry',
    mesh,
    namespace,
    name,
    hosts: [...hosts].sort(),
    clusters: objects.map((o) => o.cluster),
    ports: [...ports.values()].sort((a, b) => a.port - b.port),
    endpoints: { ready: endpoints, notReady: 0 },
    versions: [],
    proxies: 0,
    dataplanes: [],
    inconsistencies: [],
    location: location ?? 'MESH_EXTERNAL',
    resolution: resolution ?? 'NONE',
  };
}
