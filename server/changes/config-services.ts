import 'server-only';
import type { SlimConfigObject } from '../clusters/records';
import { hostService } from './host-services';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

const GATEWAY_API = 'gateway.networking.k8s.io';

/** A Gateway API reference to a core Service (kind Service or absent, core group), as `namespace/name`. */
function serviceRef(ref: unknown, objectNamespace: string, kindRequired: boolean): string | undefined {
  const r = obj(ref);
  const name = str(r?.name);
  if (!r || !name) return undefined;
  const kind = str(r.kind);
  if (kindRequired ? kind !== 'Service' : kind !== undefined && kind !== 'Service') return undefined;
  const group = r.group;
  if (group !== undefined && group !== '' && group !== 'core') return undefined;
  return `${str(r.namespace) ?? objectNamespace}/${name}`;
}

/** Hosts a VirtualService routes to: its `hosts` and every `http`/`tcp`/`tls` route destination. */
function virtualServiceHosts(spec: Json): string[] {
  const hosts = list(spec.hosts).flatMap((h) => str(h) ?? []);
  for (const section of ['http', 'tcp', 'tls'] as const) {
    for (const rule of list(spec[section])) {
      for (const route of list(obj(rule)?.route)) {
        const host = str(obj(obj(route)?.destination)?.host);
        if (host) hosts.push(host);
      }
    }
  }
  return hosts;
}

/**
 * The global services (`namespace/name`) a config object is about or routes
 * to, sorted: DestinationRule `host`; VirtualService `hosts` and route
 * destinations; HTTPRoute/GRPCRoute Service `backendRefs` and Service
 * `parentRefs` (GAMMA); a ServiceEntry is itself a global service. Kinds that
 * select workloads (Sidecar, AuthorizationPolicy, ...) name none.
 */
export function configServices(o: SlimConfigObject, isNamespace?: (ns: string) => boolean): string[] {
  const spec = obj(o.spec) ?? {};
  const out = new Set<string>();
  const addHost = (h: string) => {
    const s = hostService(h, o.namespace, isNamespace);
    if (s) out.add(s);
  };
  if (o.group === 'networking.istio.io') {
    if (o.kind === 'DestinationRule') {
      const host = str(spec.host);
      if (host) addHost(host);
    } else if (o.kind === 'VirtualService') {
      for (const h of virtualServiceHosts(spec)) addHost(h);
    } else if (o.kind === 'ServiceEntry') {
      out.add(`${o.namespace}/${o.name}`);
    }
  } else if (o.group === GATEWAY_API && (o.kind === 'HTTPRoute' || o.kind === 'GRPCRoute')) {
    for (const p of list(spec.parentRefs)) {
      const s = serviceRef(p, o.namespace, true);
      if (s) out.add(s);
    }
    for (const rule of list(spec.rules)) {
      for (const b of list(obj(rule)?.backendRefs)) {
        const s = serviceRef(b, o.namespace, false);
        if (s) out.add(s);
      }
    }
  }
  return [...out].sort();
}
