/**
 * The default demo fleet: mesh "prod" (three clusters, three networks,
 * multi-primary) and mesh "staging" (one cluster, its own root of trust).
 * Workloads come from Istio's and Admiral's samples, read in place.
 */
import type { KubeObject } from '../kube/types';
import { addAmbientDemo, ZTUNNEL_CLUSTERS } from './ambient-demo';
import { loadVendoredYaml, sampleObjects, serviceSpecFrom, workloadSpecFrom } from './samples';
import type { ClusterSpec, FleetSpec, NamespaceSpec, ServiceSpec, TrafficEdgeSpec, WaypointSpec, WorkloadSpec } from './types';

export const PROD = ['us-east-1', 'us-west-2', 'eu-central-1'] as const;
export const STAGING = 'staging-us-east-1';

const BOOKINFO = ['istio', 'samples', 'bookinfo', 'bookinfo.yaml'];
const HELLOWORLD = ['istio', 'samples', 'helloworld', 'helloworld.yaml'];

function cluster(name: string, index: number, over: Partial<ClusterSpec>): ClusterSpec {
  return {
    name,
    mesh: 'prod',
    network: `network-${name}`,
    region: name,
    zones: ['a', 'b', 'c'].map((z) => `${name}${z}`),
    kubeVersion: 'v1.33.5',
    revisions: [{ revision: 'default', version: '1.30.3', replicas: 1 }],
    eastWestAddress: `192.0.2.${10 * (index + 1)}`,
    index,
    nodes: 3,
    ...over,
  };
}

/** Builds the demo FleetSpec (reads the vendored samples; deterministic). */
export function demoFleet(): FleetSpec {
  const clusters: ClusterSpec[] = [
    cluster('us-east-1', 0, {}),
    cluster('us-west-2', 1, {
      kubeVersion: 'v1.32.9',
      revisions: [
        { revision: 'default', version: '1.30.3', replicas: 1 },
        { revision: '1-31-canary', version: '1.31.0', replicas: 1 },
      ],
    }),
    cluster('eu-central-1', 2, { zones: ['eu-central-1a', 'eu-central-1b'] }),
    cluster(STAGING, 3, {
      mesh: 'staging',
      network: 'network-staging',
      region: 'us-east-1',
      zones: ['us-east-1a', 'us-east-1b'],
      kubeVersion: 'v1.34.1',
      revisions: [{ revision: 'default', version: '1.31.0', replicas: 1 }],
      eastWestAddress: '198.51.100.10',
      nodes: 2,
    }),
  ];
  const namespaces: NamespaceSpec[] = [];
  const services: ServiceSpec[] = [];
  const workloads: WorkloadSpec[] = [];
  const extraObjects: FleetSpec['extraObjects'] = [];
  const ns = (c: string, name: string, revision?: string) => namespaces.push({ cluster: c, name, ...(revision ? { revision } : {}) });
  const extra = (c: string, namespace: string | undefined, objects: KubeObject[]) => {
    for (const o of objects) {
      const object = structuredClone(o);
      if (namespace) object.metadata.namespace = namespace;
      extraObjects.push({ cluster: c, object });
    }
  };

  // Bookinfo: Services everywhere in prod (DNS needs them), workloads spread across clusters.
  const deployments = new Map(sampleObjects('Deployment', ...BOOKINFO).map((d) => [d.metadata.name, d]));
  const place = (name: string, c: string, replicas = 1) => {
    const d = deployments.get(name);
    if (!d) throw new Error(`bookinfo sample has no Deployment ${name}`);
    workloads.push(workloadSpecFrom(d, c, 'bookinfo', replicas));
  };
  for (const c of PROD) ns(c, 'bookinfo', 'default');
  ns(STAGING, 'bookinfo', 'default');
  for (const s of sampleObjects('Service', ...BOOKINFO)) services.push(serviceSpecFrom(s, 'bookinfo', [...PROD, STAGING]));
  place('productpage-v1', 'us-east-1', 2);
  place('details-v1', 'us-east-1', 2);
  place('reviews-v1', 'us-east-1');
  place('reviews-v2', 'us-east-1');
  place('reviews-v3', 'us-west-2', 2);
  place('ratings-v1', 'eu-central-1', 2);
  for (const name of ['productpage-v1', 'details-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3', 'ratings-v1']) place(name, STAGING);
  // The sample's reviews rule also names v2-mysql subsets for a database variant the demo does not run: without
  // their pods they are an Error finding (IST0173) in a fleet that is meant to be healthy, so the demo leaves them out.
  const bookinfoRules = sampleObjects('DestinationRule', 'istio', 'samples', 'bookinfo', 'destination-rule-all.yaml').map(withoutSubsets(/^v2-mysql/));
  for (const c of [...PROD, STAGING]) extra(c, 'bookinfo', bookinfoRules);
  // Staging pins reviews to 90/10 v1/v2, exactly the sample.
  extra(STAGING, 'bookinfo', sampleObjects('VirtualService', 'istio', 'samples', 'bookinfo', 'virtual-service-reviews-90-10.yaml'));

  // Helloworld v1/v2 in two clusters (v2 on the canary revision), sleep clients in both.
  ns('us-east-1', 'sample', 'default');
  ns('us-west-2', 'sample', '1-31-canary');
  ns(STAGING, 'sample', 'default');
  const hw = new Map(sampleObjects('Deployment', ...HELLOWORLD).map((d) => [d.metadata.name, d]));
  const hwSvc = sampleObjects('Service', ...HELLOWORLD)[0];
  const sleepDep = sampleObjects('Deployment', 'istio', 'samples', 'sleep.yaml')[0];
  const sleepSvc = sampleObjects('Service', 'istio', 'samples', 'sleep.yaml')[0];
  if (!hwSvc || !sleepDep || !sleepSvc) throw new Error('helloworld/sleep samples are incomplete');
  services.push(serviceSpecFrom(hwSvc, 'sample', ['us-east-1', 'us-west-2']));
  services.push(serviceSpecFrom(sleepSvc, 'sample', ['us-east-1', 'us-west-2', STAGING]));
  const hw1 = hw.get('helloworld-v1');
  const hw2 = hw.get('helloworld-v2');
  if (!hw1 || !hw2) throw new Error('helloworld sample lacks v1/v2');
  workloads.push(workloadSpecFrom(hw1, 'us-east-1', 'sample'), workloadSpecFrom(hw2, 'us-west-2', 'sample'));
  for (const c of ['us-east-1', 'us-west-2', STAGING]) workloads.push(workloadSpecFrom(sleepDep, c, 'sample'));

  // Admiral: greeting (nginx, config from the sample) and webapp with identity labels, GTP and Dependency samples.
  for (const c of ['us-east-1', 'us-west-2']) {
    workloads.push({
      cluster: c,
      namespace: 'sample',
      name: 'greeting',
      labels: { app: 'greeting', identity: 'greeting' },
      podAnnotations: { 'admiral.io/env': 'stage', 'sidecar.istio.io/inject': 'true' },
      replicas: 1,
      serviceAccount: 'greeting',
      image: 'nginx:1.27',
      containerPorts: [80],
    });
    extra(c, 'sample', loadVendoredYaml('admiral', 'samples', 'greeting.yaml'));
  }
  services.push({ name: 'greeting', namespace: 'sample', clusters: ['us-east-1', 'us-west-2'], labels: { app: 'greeting', identity: 'greeting' }, selector: { app: 'greeting' }, ports: [{ name: 'http', port: 80 }] });
  const webapp = sampleObjects('Deployment', 'admiral', 'samples', 'webapp.yaml')[0];
  const webappSvc = sampleObjects('Service', 'admiral', 'samples', 'webapp.yaml')[0];
  if (!webapp || !webappSvc) throw new Error('admiral webapp sample is incomplete');
  workloads.push(workloadSpecFrom(webapp, 'us-east-1', 'sample'));
  services.push(serviceSpecFrom(webappSvc, 'sample', ['us-east-1']));
  // The GTP sample targets us-west-2/us-east-2; this fleet's second region is us-east-1.
  for (const gtp of loadVendoredYaml('admiral', 'samples', 'gtp.yaml')) {
    const spec = gtp.spec as { policy: Array<{ target?: Array<{ region: string }> }> };
    for (const p of spec.policy) for (const t of p.target ?? []) if (t.region === 'us-east-2') t.region = 'us-east-1';
    extra('us-east-1', 'sample', [gtp]);
  }
  ns('us-east-1', 'admiral');
  extra('us-east-1', 'admiral', sampleObjects('Dependency', 'admiral', 'samples', 'sample_dep.yaml'));
  // What Admiral would generate for stage.greeting.global: the local Service plus the other cluster's east-west gateway.
  for (const [c, other, otherAddress] of [['us-east-1', 'us-west-2', '192.0.2.20'], ['us-west-2', 'us-east-1', '192.0.2.10']] as const) {
    ns(c, 'admiral-sync');
    extra(c, 'admiral-sync', [admiralServiceEntry(c, other, otherAddress)]);
  }

  // Payments in two regions, 90/10 by cluster subset; a TCP ledger database in us-east-1.
  for (const c of ['us-east-1', 'us-west-2']) {
    ns(c, 'payments', 'default');
    workloads.push({ cluster: c, namespace: 'payments', name: 'payments-v1', labels: { app: 'payments', version: 'v1' }, replicas: 2, serviceAccount: 'payments', image: 'ghcr.io/meshglass/payments:2.4.1', containerPorts: [8080] });
  }
  workloads.push({ cluster: 'us-east-1', namespace: 'payments', name: 'checkout-v1', labels: { app: 'checkout', version: 'v1' }, replicas: 2, serviceAccount: 'checkout', image: 'ghcr.io/meshglass/checkout:1.9.0', containerPorts: [8080] });
  workloads.push({ cluster: 'us-east-1', namespace: 'payments', name: 'ledger-db', labels: { app: 'ledger-db', version: 'v15' }, replicas: 1, serviceAccount: 'ledger-db', image: 'postgres:15', containerPorts: [5432] });
  services.push({ name: 'payments', namespace: 'payments', clusters: ['us-east-1', 'us-west-2'], labels: { app: 'payments' }, selector: { app: 'payments' }, ports: [{ name: 'grpc', port: 8080 }] });
  services.push({ name: 'checkout', namespace: 'payments', clusters: ['us-east-1'], labels: { app: 'checkout' }, selector: { app: 'checkout' }, ports: [{ name: 'http', port: 8080 }] });
  services.push({ name: 'ledger-db', namespace: 'payments', clusters: ['us-east-1', 'us-west-2'], labels: { app: 'ledger-db' }, selector: { app: 'ledger-db' }, ports: [{ name: 'tcp-postgres', port: 5432 }] });
  for (const c of ['us-east-1', 'us-west-2']) extra(c, 'payments', paymentsRouting(90));

  // Staging: a namespace outside the mesh.
  ns(STAGING, 'legacy');
  workloads.push({ cluster: STAGING, namespace: 'legacy', name: 'batch-report', labels: { app: 'batch-report', version: 'v3' }, replicas: 1, serviceAccount: 'default', image: 'ghcr.io/meshglass/batch-report:3.0.2', containerPorts: [8080] });
  services.push({ name: 'batch-report', namespace: 'legacy', clusters: [STAGING], selector: { app: 'batch-report' }, ports: [{ name: 'http', port: 8080 }] });

  // Ambient mode and Gateway API: the shop namespace in two prod clusters, ztunnel in every prod cluster.
  for (const c of clusters) if ((ZTUNNEL_CLUSTERS as readonly string[]).includes(c.name)) c.ztunnel = { version: c.revisions[0]?.version ?? '1.30.3' };
  const waypoints: WaypointSpec[] = [];
  const edges = demoEdges();
  addAmbientDemo({ namespaces, services, workloads, edges, extraObjects, waypoints });

  return {
    name: 'demo',
    meshes: [
      { id: 'prod', trustDomain: 'cluster.local', rootId: 'prod' },
      { id: 'staging', trustDomain: 'cluster.local', rootId: 'staging' },
    ],
    clusters,
    namespaces,
    services,
    workloads,
    extraObjects,
    edges,
    waypoints,
  };
}

/** The ServiceEntry Admiral writes for stage.greeting.global in a cluster (local endpoint first, then the remote gateway). */
function admiralServiceEntry(cluster: string, other: string, otherAddress: string): KubeObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'ServiceEntry',
    metadata: { name: 'stage.greeting.global-se', namespace: 'admiral-sync', labels: { identity: 'greeting', 'admiral.io/env': 'stage' } },
    spec: {
      hosts: ['stage.greeting.global'],
      addresses: ['240.0.10.1'],
      ports: [{ number: 80, name: 'http', protocol: 'http' }],
      location: 'MESH_INTERNAL',
      resolution: 'DNS',
      exportTo: ['*'],
      endpoints: [
        { address: 'greeting.sample.svc.cluster.local', ports: { http: 80 }, locality: cluster },
        { address: otherAddress, ports: { http: 15443 }, locality: other, network: `network-${other}` },
      ],
    },
  };
}

/** DestinationRule subsets per cluster and the VirtualService splitting payments by weight (east/west). */
export function paymentsRouting(eastWeight: number): KubeObject[] {
  const host = 'payments.payments.svc.cluster.local';
  return [
    {
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'payments', namespace: 'payments' },
      spec: {
        host,
        subsets: PROD.slice(0, 2).map((c) => ({ name: c, labels: { 'topology.istio.io/cluster': c } })),
      },
    },
    {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'payments', namespace: 'payments' },
      spec: {
        hosts: [host],
        http: [{ route: [
          { destination: { host, subset: 'us-east-1' }, weight: eastWeight },
          { destination: { host, subset: 'us-west-2' }, weight: 100 - eastWeight },
        ] }],
      },
    },
  ];
}

const ref = (cluster: string, namespace: string, workload: string) => ({ cluster, namespace, workload });
const to = (cluster: string, namespace: string, workload: string, service: string) => ({ cluster, namespace, workload, service });

/** Traffic of the demo fleet; rates chosen so every edge carries >= 1 request/s. */
function demoEdges(): TrafficEdgeSpec[] {
  const http = (source: TrafficEdgeSpec['source'], destination: TrafficEdgeSpec['destination'], rps: number, over: Partial<TrafficEdgeSpec> = {}): TrafficEdgeSpec => ({
    source,
    destination,
    protocol: 'http',
    rps,
    latency: { p50Ms: 8, p99Ms: 60 },
    requestBytes: 420,
    responseBytes: 2600,
    ...over,
  });
  const e = 'us-east-1';
  const w = 'us-west-2';
  const eu = 'eu-central-1';
  const s = STAGING;
  return [
    http(ref(e, 'sample', 'sleep'), to(e, 'bookinfo', 'productpage-v1', 'productpage'), 12, { latency: { p50Ms: 45, p99Ms: 250 }, responseBytes: 5200 }),
    http(ref(e, 'bookinfo', 'productpage-v1'), to(e, 'bookinfo', 'details-v1', 'details'), 12, { latency: { p50Ms: 3, p99Ms: 15 }, errors: [{ code: '404', ratio: 0.01 }] }),
    http(ref(e, 'bookinfo', 'productpage-v1'), to(e, 'bookinfo', 'reviews-v1', 'reviews'), 4, { latency: { p50Ms: 6, p99Ms: 30 } }),
    http(ref(e, 'bookinfo', 'productpage-v1'), to(e, 'bookinfo', 'reviews-v2', 'reviews'), 4, { latency: { p50Ms: 20, p99Ms: 110 } }),
    http(ref(e, 'bookinfo', 'productpage-v1'), to(w, 'bookinfo', 'reviews-v3', 'reviews'), 4, { latency: { p50Ms: 70, p99Ms: 180 } }),
    http(ref(e, 'bookinfo', 'reviews-v2'), to(eu, 'bookinfo', 'ratings-v1', 'ratings'), 4, { latency: { p50Ms: 90, p99Ms: 160 } }),
    http(ref(w, 'bookinfo', 'reviews-v3'), to(eu, 'bookinfo', 'ratings-v1', 'ratings'), 4, { latency: { p50Ms: 75, p99Ms: 140 } }),
    http(ref(e, 'sample', 'sleep'), to(e, 'sample', 'helloworld-v1', 'helloworld'), 5, { latency: { p50Ms: 2, p99Ms: 12 } }),
    http(ref(e, 'sample', 'sleep'), to(w, 'sample', 'helloworld-v2', 'helloworld'), 5, { latency: { p50Ms: 65, p99Ms: 120 } }),
    http(ref(w, 'sample', 'sleep'), to(e, 'sample', 'helloworld-v1', 'helloworld'), 3, { latency: { p50Ms: 66, p99Ms: 125 } }),
    http(ref(w, 'sample', 'sleep'), to(w, 'sample', 'helloworld-v2', 'helloworld'), 3, { latency: { p50Ms: 2, p99Ms: 10 } }),
    http(ref(e, 'sample', 'webapp'), to(e, 'sample', 'greeting', 'greeting'), 4, { latency: { p50Ms: 1, p99Ms: 8 }, responseBytes: 24 }),
    http(ref(e, 'sample', 'webapp'), to(w, 'sample', 'greeting', 'greeting'), 1, { latency: { p50Ms: 64, p99Ms: 110 }, responseBytes: 24 }),
    // No gRPC errors at rest: Kiali's gRPC tolerance counts any as degraded, and the healthy demo is healthy.
    http(ref(e, 'payments', 'checkout-v1'), to(e, 'payments', 'payments-v1', 'payments'), 18, { protocol: 'grpc', latency: { p50Ms: 12, p99Ms: 80 } }),
    http(ref(e, 'payments', 'checkout-v1'), to(w, 'payments', 'payments-v1', 'payments'), 2, { protocol: 'grpc', latency: { p50Ms: 75, p99Ms: 160 } }),
    { source: ref(e, 'payments', 'payments-v1'), destination: to(e, 'payments', 'ledger-db', 'ledger-db'), protocol: 'tcp', rps: 2, tcpSentBytes: 1800, tcpReceivedBytes: 9400 },
    { source: ref(w, 'payments', 'payments-v1'), destination: to(e, 'payments', 'ledger-db', 'ledger-db'), protocol: 'tcp', rps: 1, tcpSentBytes: 1800, tcpReceivedBytes: 9400 },
    http(ref(s, 'sample', 'sleep'), to(s, 'bookinfo', 'productpage-v1', 'productpage'), 3, { latency: { p50Ms: 40, p99Ms: 220 } }),
    http(ref(s, 'bookinfo', 'productpage-v1'), to(s, 'bookinfo', 'details-v1', 'details'), 3),
    http(ref(s, 'bookinfo', 'productpage-v1'), to(s, 'bookinfo', 'reviews-v1', 'reviews'), 2.7),
    http(ref(s, 'bookinfo', 'productpage-v1'), to(s, 'bookinfo', 'reviews-v2', 'reviews'), 0.3),
    http(ref(s, 'bookinfo', 'reviews-v2'), to(s, 'bookinfo', 'ratings-v1', 'ratings'), 0.3),
  ];
}

/** A DestinationRule without the subsets whose name matches: for sample subsets the demo runs no pods for. */
function withoutSubsets(name: RegExp): (dr: KubeObject) => KubeObject {
  return (dr) => {
    const spec = dr.spec as { subsets?: Array<{ name?: string }> } | undefined;
    if (!spec?.subsets) return dr;
    return { ...dr, spec: { ...spec, subsets: spec.subsets.filter((s) => !name.test(s.name ?? '')) } };
  };
}
