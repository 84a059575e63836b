/**
 * Micro-benchmark of GET /api/v1/services at fleet scale: a synthetic model of
 * 50,000 global services over 20 clusters (about 100,000 Service objects and
 * as many EndpointSlices), then timings of getServices for typical queries.
 *
 *   npx tsx --conditions=react-server server/bench/services-page.ts [services] [clusters]
 */
import { builtinKinds, type AnyRecord } from '../clusters/kinds';
import { FleetModel } from '../fleet/model';
import { getServices } from '../fleet/services';
import { ALL } from '../fleet/scope';
import type { ServicesQuery } from '@/lib/fleet/services';

const SERVICES = Number(process.argv[2] ?? 50_000);
const CLUSTERS = Number(process.argv[3] ?? 20);
const [, servicesKind, slicesKind] = builtinKinds();

function build(): FleetModel {
  const model = new FleetModel();
  const clusters = Array.from({ length: CLUSTERS }, (_, i) => `cluster-${i}`);
  for (const c of clusters) model.upsertCluster({ name: c, displayName: c, source: 'bench' });
  for (let i = 0; i < SERVICES; i++) {
    const namespace = `ns-${i % 500}`;
    const name = `svc-${i}`;
    // 1 to 3 clusters per service, spread over the fleet.
    for (let j = 0; j <= i % 3; j++) {
      const c = clusters[(i + j * 7) % CLUSTERS]!;
      model.apply(c, servicesKind!, `${namespace}/${name}`, { namespace, name, type: 'ClusterIP', clusterIP: '10.0.0.1', ports: [{ port: 8080, protocol: 'TCP' }], labels: {}, externalAddresses: [] } as AnyRecord);
      const endpoints = Array.from({ length: 1 + (i % 4) }, (_, k) => ({ addresses: [`10.1.${k}.1`], ready: k !== 3 }));
      model.apply(c, slicesKind!, `${namespace}/${name}-abcde`, { namespace, name: `${name}-abcde`, service: name, ports: [], endpoints } as AnyRecord);
    }
  }
  return model;
}

/** Median of `runs` timings of fn, in ms. */
function time(fn: () => void, runs = 21): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const q = (over: Partial<ServicesQuery>): ServicesQuery => ({ page: 1, pageSize: 50, sort: 'name', ...over });
const row = (label: string, ms: number, extra = '') => console.log(`${label.padEnd(44)} ${ms.toFixed(2).padStart(9)} ms ${extra}`);

let s = performance.now();
const model = build();
row(`build model (${SERVICES} services, ${CLUSTERS} clusters)`, performance.now() - s, `heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB`);
s = performance.now();
const first = getServices(model, ALL, q({}));
row('first query (index built in bulk)', performance.now() - s, `total ${first.data.total}`);

for (const [label, query] of [
  ['page 1, sort name', q({})],
  ['page 500, sort name', q({ page: 500 })],
  ['page 1, sort -endpoints', q({ sort: '-endpoints' })],
  ['page 20, sort clusters, pageSize 500', q({ sort: 'clusters', page: 20, pageSize: 500 })],
  ['filter namespace=ns-42', q({ namespace: 'ns-42' })],
  ['filter q=svc-4242', q({ q: 'svc-4242' })],
  ['filter cluster=cluster-3, kind=Service', q({ cluster: 'cluster-3', kind: 'Service' })],
] as const) {
  const res = getServices(model, ALL, query);
  row(label, time(() => getServices(model, ALL, query)), `total ${res.data.total}`);
}

// One endpoint change, then a page: the change re-sorts one row, not the fleet.
let n = 0;
const change = (count: number) => () => {
  for (let k = 0; k < count; k++) {
    const i = (n++ * 7919) % SERVICES;
    model.apply(`cluster-${i % CLUSTERS}`, slicesKind!, `ns-${i % 500}/svc-${i}-abcde`, { namespace: `ns-${i % 500}`, name: `svc-${i}-abcde`, service: `svc-${i}`, ports: [], endpoints: Array.from({ length: n % 9 }, () => ({ addresses: ['10.2.0.1'], ready: true })) } as AnyRecord);
  }
  getServices(model, ALL, q({ sort: '-endpoints' }));
};
row('1 endpoint change + page (sort -endpoints)', time(change(1)));
row('100 endpoint changes + page (sort -endpoints)', time(change(100), 11));
process.exit(0);
