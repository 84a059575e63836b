/**
 * The demo's ambient namespace as metrics and fleet facts see it
 * (/tmp contract, "Telemetry as ambient produces it"): `shop` is ambient in
 * us-east-1 and us-west-2 with waypoint shop/waypoint; inventory-db opts out
 * of the waypoint (L4 only); sample/sleep is a sidecar client.
 */
import type { AmbientFacts } from '../ambient';
import type { TrafficSample } from '../types';
import { E, req, W } from './samples';

const AMBIENT = new Set([`${E}/shop/storefront-v1`, `${E}/shop/cart-v1`, `${E}/shop/cart-v2`, `${E}/shop/inventory-db`, `${W}/shop/cart-v1`, `${W}/shop/pricing-v1`]);
const WAYPOINTS = new Set([`${E}/shop/waypoint`, `${W}/shop/waypoint`]);
const BOUND = new Set(['storefront', 'cart', 'pricing']);

/** Fleet facts of the demo's shop namespace. */
export const shopFacts: AmbientFacts = {
  any: true,
  isWaypoint: (c, ns, w) => WAYPOINTS.has(`${c}/${ns}/${w}`),
  isAmbient: (c, ns, w) => AMBIENT.has(`${c}/${ns}/${w}`),
  waypointOf: (c, ns, svc) => ((c === E || c === W) && ns === 'shop' && BOUND.has(svc) ? { namespace: 'shop', name: 'waypoint' } : undefined),
};

/** Facts of a fleet without ambient workloads: every lookup answers no. */
export const sidecarFacts: AmbientFacts = { any: true, isWaypoint: () => false, isAmbient: () => false, waypointOf: () => undefined };

export const storefront = [E, 'shop', 'storefront-v1'] as [string, string, string];
export const sleep = [E, 'sample', 'sleep'] as [string, string, string];
export const cartE = [E, 'shop', 'cart-v1', 'cart'] as [string, string, string, string];
export const cartW = [W, 'shop', 'cart-v1', 'cart'] as [string, string, string, string];
export const inventoryDb = [E, 'shop', 'inventory-db', 'inventory-db'] as [string, string, string, string];
const waypointE = [E, 'shop', 'waypoint', 'waypoint'] as [string, string, string, string];

/** An L7 request series the waypoint reported, scraped from the client's cluster. */
export function viaWaypoint(src: [string, string, string], dst: [string, string, string, string], value: number, over: Record<string, string> = {}): TrafficSample {
  return { ...req(src, dst, value, { reporter: 'waypoint', ...over }), scrapeCluster: src[0] };
}

/** An L4 series as ztunnel reports it (client side: source, server side: destination). */
export function ztunnel(src: [string, string, string], dst: [string, string, string, string], bytes: number, reporter: 'source' | 'destination' = 'destination'): TrafficSample {
  return { ...req(src, dst, bytes, { reporter, request_protocol: 'tcp', response_code: '', connection_security_policy: 'mutual_tls' }), scrapeCluster: reporter === 'source' ? src[0] : dst[0] };
}

/** ztunnel's two hops of a connection through the waypoint of us-east-1, as both ztunnels report them. */
export function hopsThroughWaypoint(src: [string, string, string], dst: [string, string, string, string], bytes: number): TrafficSample[] {
  const wp = [E, 'shop', 'waypoint'] as [string, string, string];
  return [ztunnel(src, waypointE, bytes, 'source'), ztunnel(wp, dst, bytes, 'destination'), ztunnel(wp, dst, bytes, 'source')];
}
