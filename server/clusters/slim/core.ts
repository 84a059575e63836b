import 'server-only';
import type { SlimCondition, SlimEndpoint, SlimEndpointSlice, SlimNamespace, SlimNode, SlimResult, SlimService, SlimServicePort } from '../records';
import { intern, internMap, internValue } from './intern';
import { arr, meta, num, obj, str, strMap } from './read';

/** Namespace: name and labels (network, injection, revision, workspace selectors). */
export function slimNamespace(o: unknown): SlimResult<SlimNamespace> {
  const md = meta(o, false);
  if (typeof md === 'string') return { ok: false, reason: md };
  const labels = strMap(md.m.labels);
  if (!labels) return { ok: false, reason: 'metadata.labels is not a map' };
  return { ok: true, record: { name: md.name, labels } };
}

/** Service: type, ports, selector, addresses of load balancers (east-west gateways), status conditions (waypoint binding). */
export function slimService(o: unknown): SlimResult<SlimService> {
  const md = meta(o, true);
  if (typeof md === 'string') return { ok: false, reason: md };
  const root = obj(o)!;
  const spec = obj(root.spec);
  if (!spec) return { ok: false, reason: 'spec missing' };
  const labels = strMap(md.m.labels);
  if (!labels) return { ok: false, reason: 'metadata.labels is not a map' };
  const rawPorts = spec.ports === undefined ? [] : arr(spec.ports);
  if (!rawPorts) return { ok: false, reason: 'spec.ports is not a list' };
  const ports: SlimServicePort[] = [];
  for (const p of rawPorts) {
    const po = obj(p);
    const port = num(po?.port);
    if (!po || port === undefined) return { ok: false, reason: 'a port has no number' };
    const tp = po.targetPort;
    ports.push({
      name: str(po.name),
      port,
      protocol: str(po.protocol) ?? 'TCP',
      targetPort: typeof tp === 'string' || typeof tp === 'number' ? tp : undefined,
      appProtocol: str(po.appProtocol),
    });
  }
  const rawSelector = spec.selector === undefined ? undefined : strMap(spec.selector);
  const selector = rawSelector && internMap(rawSelector);
  const externalAddresses: string[] = [];
  for (const ing of arr(obj(obj(root.status)?.loadBalancer)?.ingress) ?? []) {
    const addr = str(obj(ing)?.ip) ?? str(obj(ing)?.hostname);
    if (addr) externalAddresses.push(addr);
  }
  for (const ip of arr(spec.externalIPs) ?? []) if (str(ip)) externalAddresses.push(ip as string);
  const conditions = slimConditions(obj(root.status)?.conditions);
  return {
    ok: true,
    record: {
      namespace: md.namespace,
      name: md.name,
      type: str(spec.type) ?? 'ClusterIP',
      clusterIP: str(spec.clusterIP),
      ports,
      selector,
      labels: internMap(labels),
      externalAddresses,
      ...(conditions ? { status: { conditions } } : {}),
    },
  };
}

/** Conditions kept per Service, and the length a message is cut to: istiod writes one or two short ones. */
export const MAX_CONDITIONS = 8;
export const MAX_CONDITION_MESSAGE = 512;

/**
 * status.conditions with type and status, bounded in count and message length,
 * interned: every Service bound to one waypoint carries the same condition.
 */
export function slimConditions(v: unknown): readonly SlimCondition[] | undefined {
  const out: SlimCondition[] = [];
  for (const c of arr(v) ?? []) {
    const co = obj(c);
    const type = str(co?.type);
    const status = str(co?.status);
    if (!type || !status) continue;
    const cond: SlimCondition = { type, status };
    const reason = str(co!.reason);
    const message = str(co!.message);
    if (reason) cond.reason = reason.slice(0, 128);
    if (message) cond.message = message.slice(0, MAX_CONDITION_MESSAGE);
    out.push(cond);
    if (out.length === MAX_CONDITIONS) break;
  }
  return out.length ? internValue(out) : undefined;
}

const READY: SlimEndpoint = Object.freeze({ ready: true });
const NOT_READY: SlimEndpoint = Object.freeze({ ready: false });

/** EndpointSlice: its service and endpoints with readiness and the pod behind each (the rest has no reader). */
export function slimEndpointSlice(o: unknown): SlimResult<SlimEndpointSlice> {
  const md = meta(o, true);
  if (typeof md === 'string') return { ok: false, reason: md };
  const root = obj(o)!;
  const service = str(strMap(md.m.labels)?.['kubernetes.io/service-name']);
  if (!service) return { ok: false, reason: 'label kubernetes.io/service-name missing' };
  const rawEndpoints = root.endpoints === undefined || root.endpoints === null ? [] : arr(root.endpoints);
  if (!rawEndpoints) return { ok: false, reason: 'endpoints is not a list' };
  const endpoints: SlimEndpointSlice['endpoints'] = [];
  for (const e of rawEndpoints) {
    const eo = obj(e);
    if (!eo || !arr(eo.addresses)) return { ok: false, reason: 'an endpoint has no addresses' };
    const ref = obj(eo.targetRef);
    // A missing ready condition means ready (API convention for EndpointSlice).
    const ready = obj(eo.conditions)?.ready !== false;
    const pod = ref && ref.kind === 'Pod' ? str(ref.name) : undefined;
    endpoints.push(pod === undefined ? (ready ? READY : NOT_READY) : { ready, pod });
  }
  return { ok: true, record: { namespace: md.namespace, name: md.name, service: intern(service), endpoints } };
}

/** Node: region and zone from the well-known topology labels. */
export function slimNode(o: unknown): SlimResult<SlimNode> {
  const md = meta(o, false);
  if (typeof md === 'string') return { ok: false, reason: md };
  const labels = strMap(md.m.labels) ?? {};
  return {
    ok: true,
    record: {
      name: md.name,
      region: labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'],
      zone: labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'],
    },
  };
}
