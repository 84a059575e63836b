import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ServiceDetail, ServiceInstance } from '@/lib/fleet/services';
import type { ServiceRoute } from '@/lib/fleet/routes';
import { ClusterComparison } from './cluster-comparison';
import { RoutesPanel } from './routes-panel';

const instance = (cluster: string, over: Partial<ServiceInstance> = {}): ServiceInstance => ({
  cluster, type: 'ClusterIP', headless: false, ports: [{ name: 'http', port: 8080, protocol: 'TCP' }], endpoints: { ready: 1, notReady: 0 },
  workloads: [], versions: ['v1'], proxies: { total: 0, versions: {} }, dataplane: 'ambient',
  waypoint: { namespace: 'shop', name: 'waypoint', ready: true, bound: { status: 'True', reason: 'WaypointAccepted', message: 'Successfully attached to waypoint shop/waypoint' } },
  ...over,
});
const service = (instances: ServiceInstance[]) => ({ namespace: 'shop', name: 'cart', clusters: instances.map((i) => i.cluster), instances, routes: [] }) as unknown as ServiceDetail;

/** The <td> of a row and cluster, as markup. */
const cellOf = (html: string, row: string, cluster: string) => html.match(new RegExp(`<td[^>]*data-cluster="${cluster}" data-row="${row}"[^>]*>.*?</td>`))?.[0] ?? '';

describe('ClusterComparison data plane and waypoint', () => {
  it('shows each cluster\'s mode and the waypoint bound', () => {
    const html = renderToStaticMarkup(<ClusterComparison service={service([instance('us-east-1'), instance('us-west-2')])} signals={undefined} />);
    // The row carries its label too, so "[data-row] [data-cluster]" finds each cluster's cell.
    expect(html).toMatch(/<tr[^>]*data-row="Data plane">/);
    expect(cellOf(html, 'Data plane', 'us-east-1')).toContain('data-dataplane="ambient"');
    expect(cellOf(html, 'Data plane', 'us-east-1')).not.toContain('data-differs');
    const wp = cellOf(html, 'Waypoint', 'us-west-2');
    expect(wp).toContain('shop/waypoint');
    expect(wp).toContain('data-bound="True"');
    expect(wp).toContain('WaypointAccepted');
  });

  it('tints a cluster in another mode and shows a waypoint not bound with its reason', () => {
    const west = instance('us-west-2', { dataplane: 'sidecar', waypoint: { namespace: 'shop', name: 'waypoint', ready: false, bound: { status: 'False', reason: 'WaypointIsNotReady', message: 'waypoint "shop/waypoint" is not ready' } } });
    const html = renderToStaticMarkup(<ClusterComparison service={service([instance('us-east-1'), west])} signals={undefined} />);
    expect(cellOf(html, 'Data plane', 'us-west-2')).toMatch(/data-dataplane="sidecar" data-differs="true"/);
    const wp = cellOf(html, 'Waypoint', 'us-west-2');
    expect(wp).toContain('data-bound="False"');
    expect(wp).toContain('WaypointIsNotReady');
    expect(wp).toContain('not ready here');
  });

  it('says an ambient service without a waypoint is L4 only', () => {
    const html = renderToStaticMarkup(<ClusterComparison service={service([instance('us-east-1', { waypoint: undefined })])} signals={undefined} />);
    expect(cellOf(html, 'Waypoint', 'us-east-1')).toContain('none: L4 only');
  });
});

const ok = { status: 'True' as const };
const route = (westResolved: 'True' | 'False'): ServiceRoute => ({
  kind: 'HTTPRoute', namespace: 'istio-ingress', name: 'bookinfo', backends: [{ service: 'bookinfo/productpage' }],
  clusters: [
    { cluster: 'us-east-1', parents: [{ parent: 'Gateway istio-ingress/public:http', accepted: ok, resolvedRefs: ok }] },
    { cluster: 'us-west-2', parents: [{ parent: 'Gateway istio-ingress/public:http', accepted: ok, resolvedRefs: westResolved === 'True' ? ok : { status: 'False', reason: 'RefNotPermitted' } }] },
  ],
});

describe('RoutesPanel', () => {
  it('has a row per route with per-cluster Accepted and ResolvedRefs', () => {
    const html = renderToStaticMarkup(<RoutesPanel namespace="bookinfo" name="productpage" routes={[route('True')]} clusters={['us-east-1', 'us-west-2', 'eu-central-1']} />);
    expect(html).toContain('data-testid="route-HTTPRoute-istio-ingress-bookinfo"');
    expect(html).toContain('data-cluster="us-west-2" data-present="true" data-accepted="True" data-resolved="True"');
    expect(html).toContain('data-cluster="eu-central-1" data-present="false"');
    expect(html).not.toContain('data-differs');
  });

  it('makes a route resolved in one cluster and not another stand out, with the reason', () => {
    const html = renderToStaticMarkup(<RoutesPanel namespace="bookinfo" name="productpage" routes={[route('False')]} clusters={['us-east-1', 'us-west-2']} />);
    expect(html).toContain('data-differs="true"');
    expect(html).toContain('data-cluster="us-west-2" data-present="true" data-accepted="True" data-resolved="False"');
    expect(html).toContain('RefNotPermitted');
    expect(html).toContain('ResolvedRefs True in us-east-1, False in us-west-2');
  });

  it('says so when no route targets the service', () => {
    const html = renderToStaticMarkup(<RoutesPanel namespace="shop" name="cart" routes={[]} clusters={['us-east-1']} />);
    expect(html).toContain('data-testid="routes-panel"');
    expect(html).toContain('No HTTPRoute, GRPCRoute or VirtualService sends traffic to shop/cart');
  });
});
