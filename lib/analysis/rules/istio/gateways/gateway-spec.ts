import { selects } from '../../../hosts';
import { list, num, obj, str, strings, stringList, type Obj } from '../../../spec';
import type { ClusterView, ConfigObject, PodView } from '../../../types';

/** One server of an Istio Gateway, as the gateway analyzers read it. */
export interface GatewayServer {
  /** The port number; undefined when the server has no port, 0 when the port has no number (as Go reads it). */
  port?: number;
  hosts: string[];
  bind: string;
  /** The server's tls block, when it has one. */
  tls?: Obj;
}

/** The Gateway's workload selector (absent: empty, which selects every pod). */
export function gatewaySelector(gw: ConfigObject): Record<string, string> {
  return strings(obj(gw.spec)?.selector);
}

/** The Gateway's servers. */
export function gatewayServers(gw: ConfigObject): GatewayServer[] {
  return list(obj(gw.spec)?.servers).map((raw) => {
    const s = obj(raw) ?? {};
    const port = obj(s.port);
    return { port: port ? num(port.number) ?? 0 : undefined, hosts: stringList(s.hosts), bind: str(s.bind) ?? '', tls: obj(s.tls) };
  });
}

/** 'ns/name' of an object, as Istio prints a full name. */
export const fullName = (o: { namespace: string; name: string }) => `${o.namespace}/${o.name}`;

/** 'name' in `namespace`, or 'ns/name' as given (Istio's short-or-full name). */
export function shortOrFullName(namespace: string, name: string): { namespace: string; name: string } {
  const slash = name.indexOf('/');
  return slash < 0 ? { namespace, name } : { namespace: name.slice(0, slash), name: name.slice(slash + 1) };
}

/** Whether the cluster's pods keep every one of these label keys (the fleet's slim pods drop most labels). */
export function podLabelsKept(c: ClusterView, keys: Iterable<string>): boolean {
  if (!c.podLabelKeys) return true;
  for (const k of keys) if (!c.podLabelKeys.has(k)) return false;
  return true;
}

/** The cluster's pods an equality selector matches. */
export function* selectedPods(c: ClusterView, selector: Record<string, string>): Generator<PodView> {
  for (const p of c.pods) if (selects(selector, p.labels)) yield p;
}
