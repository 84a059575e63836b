/**
 * The warnings of Istio's config validation (pkg/config/validation) that
 * istioctl reports as IST0133, for the checks that need nothing but the
 * object itself. Where Istio's validation gives up early on an error (and so
 * drops the warnings gathered so far), the same error stops these checks.
 */
import { list, num, obj, str, type Obj } from '../../../spec';
import type { ConfigObject } from '../../../types';
import { isIPAddress } from './ip-address';

const NO_LABELS = 'workload selector specified without labels';

/** An alpha-style selector (`labels`): absent, unusable (Istio's validation stops), without labels, or fine. */
function alphaSelector(spec: Obj): 'absent' | 'invalid' | 'empty' | 'ok' {
  const sel = spec.workloadSelector;
  if (sel === undefined || sel === null) return 'absent';
  const labels = Object.entries(obj(obj(sel)?.labels) ?? {});
  if (labels.some(([k, v]) => k === '' || k.includes('*') || String(v).includes('*'))) return 'invalid';
  return labels.length ? 'ok' : 'empty';
}

/** The v1beta1 selector (`matchLabels`) under `field`, when given without labels. */
function selectorWithoutLabels(spec: Obj, field: string): string[] {
  const sel = spec[field];
  if (sel === undefined || sel === null) return [];
  return Object.keys(obj(obj(sel)?.matchLabels) ?? {}).length ? [] : [NO_LABELS];
}

const HTTP_PROTOCOLS = new Set(['http', 'http2', 'http_proxy', 'grpc', 'grpc-web']);
const isHTTP = (protocol: unknown) => HTTP_PROTOCOLS.has((str(protocol) ?? '').toLowerCase());
const goQuote = (s: string) => JSON.stringify(s);

const goList = (items: Iterable<string>) => `[${[...items].sort().join(' ')}]`;

/** Cipher suites Istio accepts by name (pkg/config/security ValidCipherSuites). */
const CIPHER_SUITES = new Set([
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305', 'ECDHE-ECDSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-SHA', 'ECDHE-RSA-AES256-SHA', 'AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'AES128-SHA', 'AES256-SHA', 'DES-CBC3-SHA',
]);
// Expressions starting with an operator ('-', '+', '!') are let through unparsed, as Istio does.
const isValidCipher = (cs: string) => cs === '' || cs === 'ALL' || !/^[\p{L}\p{N}]/u.test(cs) || CIPHER_SUITES.has(cs);

/** Warnings of a server's TLS settings (Gateway servers, Sidecar ingress listeners). */
function serverTlsWarnings(tls: Obj): string[] {
  const out: string[] = [];
  const ciphers = list(tls.cipherSuites).filter((c): c is string => typeof c === 'string');
  if (['TLSV1_0', 'TLSV1_1'].includes(str(tls.minProtocolVersion) ?? '') && !ciphers.length) {
    out.push('TLS version below TLSV1_2 require setting compatible ciphers as by default they no longer include compatible ciphers.');
  }
  const invalid = new Set<string>();
  const valid = new Set<string>();
  const duplicate = new Set<string>();
  for (const cs of ciphers) {
    if (!isValidCipher(cs)) invalid.add(cs);
    else if (valid.has(cs)) duplicate.add(cs);
    else valid.add(cs);
  }
  if (invalid.size) out.push(`ignoring invalid cipher suites: ${goList(invalid)}`);
  if (duplicate.size) out.push(`ignoring duplicate cipher suites: ${goList(duplicate)}`);
  const mode = str(tls.mode) ?? 'PASSTHROUGH';
  if (mode === 'ISTIO_MUTUAL') return out;
  const has = (k: string) => !!str(tls[k]) || list(tls[k]).length > 0;
  if ((mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') && ['caCrl', 'serverCertificate', 'privateKey', 'caCertificates', 'tlsCertificates', 'credentialName', 'credentialNames'].some(has)) {
    out.push(`${mode} mode does not use certificates, they will be ignored`);
  }
  const withCerts = mode === 'SIMPLE' || mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL';
  // Credentials fetched by name end Istio's checks here.
  if (withCerts && !has('credentialName') && !has('credentialNames') && list(tls.tlsCertificates).length > 2) {
    out.push(`${mode === 'SIMPLE' ? 'SIMPLE TLS' : 'MUTUAL TLS'} can support up to 2 server certificates`);
  }
  return out;
}

function gatewayWarnings(spec: Obj): string[] {
  const servers = list(spec.servers).map((s) => obj(s)).filter((s): s is Obj => !!s);
  const out = servers.flatMap((s) => (obj(s.tls) ? serverTlsWarnings(obj(s.tls)!) : []));
  for (const s of servers) if (obj(s.port) && !isHTTP(obj(s.port)!.protocol) && obj(s.tls)?.httpsRedirect === true) out.push('tls.httpsRedirect should only be used with http servers');
  return out;
}

/** Duplicate and all-selecting hosts of one egress listener, as Istio's namespace/host bookkeeping finds them. */
function egressHostWarnings(hosts: readonly string[], namespace: string): string[] {
  const out: string[] = [];
  const byNs = new Map<string, Set<string>>();
  for (const host of hosts) {
    const slash = host.indexOf('/');
    if (slash < 0 || host.startsWith('~')) continue;
    const ns = host.slice(0, slash) === '.' ? namespace : host.slice(0, slash);
    const svc = host.slice(slash + 1);
    const seen = byNs.get(ns) ?? new Set<string>();
    byNs.set(ns, seen);
    if (svc !== '*' ? seen.has(svc) || seen.has('*') : seen.size > 0) out.push(`duplicated egress host: ${host}`);
    seen.add(svc);
  }
  if (byNs.get('*')?.has('*') && byNs.size !== 1) out.push('`*/*` host select all resources, no other hosts can be added');
  return out;
}

function sidecarWarnings(spec: Obj, namespace: string): string[] {
  const selector = alphaSelector(spec);
  if (selector === 'invalid') return [];
  const ingress = list(spec.ingress);
  const egress = list(spec.egress);
  // An empty Sidecar is rejected outright, warnings and all.
  if (!ingress.length && !egress.length && spec.outboundTrafficPolicy == null && spec.inboundConnectionPool == null) return [];
  const out = selector === 'empty' ? [`sidecar: ${NO_LABELS}, will be applied to all services in namespace`] : [];
  for (const i of ingress.map((x) => obj(x))) {
    const port = obj(i?.port);
    if (!i || !port) continue;
    if (obj(i.tls)) out.push(...serverTlsWarnings(obj(i.tls)!));
    if (!obj(obj(i.connectionPool)?.http) || isHTTP(port.protocol)) continue;
    out.push(`sidecar: HTTP connection pool settings are configured for port ${num(port.number) ?? 0} (${goQuote(str(port.name) ?? '')}) but its protocol is not HTTP (${str(port.protocol) ?? ''}); only TCP settings will apply`);
  }
  let catchAll = false;
  for (const [index, raw] of egress.entries()) {
    const e = obj(raw);
    if (!e) continue;
    if (e.port == null) {
      // A second catch-all listener is skipped whole.
      if (catchAll) continue;
      if (index === egress.length - 1) catchAll = true;
    }
    out.push(...egressHostWarnings(list(e.hosts).filter((h): h is string => typeof h === 'string'), namespace));
  }
  return out;
}

const LISTENER_PATCHES = new Set(['LISTENER', 'FILTER_CHAIN', 'NETWORK_FILTER', 'HTTP_FILTER']);
const MAX_PROXY_VERSION = 1024;

/** Warnings of one config patch, up to where Istio's checks of it stop. */
function patchWarnings(cp: Obj): string[] {
  const match = obj(cp.match);
  if (str(match?.context) === 'WAYPOINT') return [];
  const applyTo = str(cp.applyTo) ?? 'INVALID';
  const patch = obj(cp.patch);
  const operation = str(patch?.operation) ?? 'INVALID';
  if (applyTo === 'INVALID' || !patch || operation === 'INVALID' || (operation !== 'REMOVE' && patch.value == null)) return [];
  const out: string[] = [];
  const version = str(obj(match?.proxy)?.proxyVersion) ?? '';
  if (version.length > MAX_PROXY_VERSION) out.push(`Envoy filter: proxyVersion match exceeds ${MAX_PROXY_VERSION} characters and will be ignored`);
  else if (version) {
    try {
      new RegExp(version);
    } catch {
      return out;
    }
  }
  const listener = obj(match?.listener);
  if (LISTENER_PATCHES.has(applyTo) && listener && obj(obj(listener.filterChain)?.filter) && (applyTo === 'LISTENER' || applyTo === 'FILTER_CHAIN')) {
    out.push(`Envoy filter: filter match has no effect when used with ${applyTo}`);
  }
  return out;
}

function envoyFilterWarnings(spec: Obj): string[] {
  const selector = alphaSelector(spec);
  if (selector === 'invalid') return [];
  const out = ['EnvoyFilter exposes internal implementation details that may change at any time. Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.'];
  if (selector === 'empty') out.push(`Envoy filter: ${NO_LABELS}, will be applied to all services in namespace`);
  for (const cp of list(spec.configPatches).map((x) => obj(x))) if (cp) out.push(...patchWarnings(cp));
  return out;
}

const TCP_PROTOCOLS = new Set(['tcp', 'https', 'tls', 'mongo', 'redis', 'mysql']);

function serviceEntryWarnings(spec: Obj): string[] {
  const selector = alphaSelector(spec);
  if (selector === 'invalid') return [];
  const out = selector === 'empty' ? [`service entry: ${NO_LABELS}, will be applied to all services in namespace`] : [];
  const resolution = str(spec.resolution) ?? 'NONE';
  const hosts = list(spec.hosts).filter((h): h is string => typeof h === 'string');
  if (resolution !== 'DYNAMIC_DNS') {
    for (const h of hosts) if (h !== '*' && h.includes('*') && !h.startsWith('*.')) out.push(`partial wildcard ${goQuote(h)} not allowed`);
  }
  if (resolution === 'NONE' && selector !== 'absent') out.push('workloadSelector should not be set when resolution mode is NONE');
  // The first TCP port decides, as Istio's loop stops there.
  const firstTcp = list(spec.ports).map((p) => obj(p)).find((p) => p && TCP_PROTOCOLS.has((str(p.protocol) ?? '').toLowerCase()));
  if ((resolution === 'DNS' || resolution === 'DNS_ROUND_ROBIN') && list(spec.addresses).length && firstTcp && hosts.length > 1) {
    out.push('service entry can not have more than one host specified simultaneously with address and tcp port');
  }
  return out;
}

function workloadEntryWarnings(spec: Obj): string[] {
  const network = str(spec.network) ?? '';
  return !str(spec.address) && network ? [`address is unset with network ${goQuote(network)}`] : [];
}

/** Istio's check of gateway names stops at the first one without a namespace; a dotted one gets the legacy-format notice. */
function legacyGatewayNames(names: unknown): string[] {
  const first = list(names).find((n) => typeof n === 'string' && !n.includes('/'));
  if (typeof first !== 'string' || !first.includes('.')) return [];
  const [name, ns] = first.split('.');
  return [`using legacy gatewayName format ${goQuote(first)}; prefer the <namespace>/<name> format: ${goQuote(`${ns}/${name}`)}`];
}

function virtualServiceWarnings(spec: Obj): string[] {
  const out = list(spec.gateways).length ? legacyGatewayNames(spec.gateways) : [];
  for (const m of list(spec.tls).flatMap((t) => list(obj(t)?.match))) out.push(...legacyGatewayNames(obj(m)?.gateways));
  out.push(...list(spec.http).map((h) => obj(h)).filter((h) => h && (h.mirrorPercent != null || h.mirror_percent != null))
    .map(() => 'using deprecated setting "mirrorPercent", use "mirrorPercentage" instead'));
  const sniHosts = list(spec.tls).flatMap((t) => list(obj(t)?.match)).flatMap((m) => list(obj(m)?.sniHosts));
  for (const host of sniHosts) {
    if (typeof host === 'string' && isIPAddress(host)) out.push(`using an IP address (${goQuote(host)}) goes against SNI spec and most clients do not support this`);
  }
  return out;
}

const TOPOLOGY_LABELS = new Set(['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone']);
const FAILOVER_NEEDS_OUTLIER = 'outlier detection policy must be provided for failover';

/** Whether a locality LB setting asks for failover without outlier detection, past the errors that end Istio's check of it. */
function localityFailoverWithoutOutlier(lb: Obj | undefined, outlier: unknown): boolean {
  if (!lb) return false;
  const distribute = list(lb.distribute).map((d) => obj(d) ?? {});
  const failover = list(lb.failover);
  const priority = list(lb.failoverPriority).filter((p): p is string => typeof p === 'string');
  if (distribute.length && failover.length) return false;
  if (failover.length && priority.some((p) => TOPOLOGY_LABELS.has(p))) return false;
  for (const d of distribute) {
    const weights = Object.values(obj(d.to) ?? {}).map((w) => num(w) ?? 0);
    if (weights.some((w) => w <= 0 || w > 100) || weights.reduce((a, b) => a + b, 0) !== 100) return false;
  }
  return (failover.length > 0 || priority.length > 0) && outlier == null;
}

/** Warnings of a DestinationRule's top-level traffic policy (Istio drops those of subsets and port-level settings). */
function trafficPolicyWarnings(policy: Obj | undefined): string[] {
  if (!policy) return [];
  const fields = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls', 'portLevelSettings', 'tunnel', 'proxyProtocol', 'retryBudget'];
  if (fields.every((f) => policy[f] == null) || (policy.tunnel != null && policy.proxyProtocol != null)) return [];
  const out: string[] = [];
  const outlier = obj(policy.outlierDetection);
  if (outlier && (num(outlier.consecutiveErrors) ?? 0) !== 0) out.push('outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead');
  const lb = obj(policy.loadBalancer);
  if ((num(obj(lb?.consistentHash)?.minimumRingSize) ?? 0) !== 0) out.push("consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead");
  const zoneAware = obj(lb?.zoneAwareLbSetting);
  const zoneFailover = !!zoneAware && (list(zoneAware.failover).length > 0 || list(zoneAware.failoverPriority).length > 0) && policy.outlierDetection == null;
  if (localityFailoverWithoutOutlier(obj(lb?.localityLbSetting), policy.outlierDetection) || zoneFailover) out.push(FAILOVER_NEEDS_OUTLIER);
  return out;
}

function destinationRuleWarnings(spec: Obj): string[] {
  return [...trafficPolicyWarnings(obj(spec.trafficPolicy)), ...selectorWithoutLabels(spec, 'workloadSelector')];
}

const KEY_TYPES = new Set(['RSA', 'EC', 'OKP', 'oct']);

/** Indexes of keys with private material in an inline JWKS (a set or one key); none when it does not parse as keys. */
function privateJwksKeys(jwks: string): number[] {
  let doc: unknown;
  try {
    doc = JSON.parse(jwks);
  } catch {
    return [];
  }
  const keys = obj(doc)?.keys !== undefined ? list(obj(doc)!.keys) : [doc];
  const parsed = keys.map((k) => obj(k));
  if (parsed.some((k) => !k || !KEY_TYPES.has(str(k.kty) ?? ''))) return [];
  return parsed.flatMap((k, i) => (k!.kty === 'oct' || k!.d !== undefined ? [i] : []));
}

function requestAuthenticationWarnings(spec: Obj): string[] {
  const out = selectorWithoutLabels(spec, 'selector');
  for (const rule of list(spec.jwtRules).map((r) => obj(r))) {
    const jwks = str(rule?.jwks);
    if (!jwks) continue;
    for (const i of privateJwksKeys(jwks)) out.push(`jwks key at index ${i} contains private key material; only public keys are used for verification`);
  }
  return out;
}

function telemetryWarnings(spec: Obj): string[] {
  const tracing = list(spec.tracing);
  const out = selectorWithoutLabels(spec, 'selector');
  if (tracing.length > 1) out.push('multiple tracing is not currently supported');
  for (const t of tracing.map((x) => obj(x))) if (t && list(t.providers).length > 1) out.push('multiple providers is not currently supported');
  return out;
}

type Check = (spec: Obj, o: ConfigObject) => string[];

/** '<group>/<Kind>' -> its warnings. */
const CHECKS: Readonly<Record<string, Check>> = {
  'networking.istio.io/Gateway': gatewayWarnings,
  'networking.istio.io/Sidecar': (spec, o) => sidecarWarnings(spec, o.namespace),
  'networking.istio.io/EnvoyFilter': envoyFilterWarnings,
  'networking.istio.io/ServiceEntry': serviceEntryWarnings,
  'networking.istio.io/WorkloadEntry': workloadEntryWarnings,
  'networking.istio.io/VirtualService': virtualServiceWarnings,
  'networking.istio.io/DestinationRule': destinationRuleWarnings,
  'networking.istio.io/ProxyConfig': (spec) => selectorWithoutLabels(spec, 'selector'),
  'security.istio.io/AuthorizationPolicy': (spec) => selectorWithoutLabels(spec, 'selector'),
  'security.istio.io/RequestAuthentication': requestAuthenticationWarnings,
  'security.istio.io/PeerAuthentication': (spec) => selectorWithoutLabels(spec, 'selector'),
  'telemetry.istio.io/Telemetry': telemetryWarnings,
  'extensions.istio.io/WasmPlugin': (spec) => selectorWithoutLabels(spec, 'selector'),
  'extensions.istio.io/TrafficExtension': (spec) => selectorWithoutLabels(spec, 'selector'),
};

/** Istio's validation warnings for one object, each once. */
export function schemaWarnings(o: ConfigObject): string[] {
  const check = CHECKS[`${o.group}/${o.kind}`];
  const spec = obj(o.spec);
  return check && spec ? [...new Set(check(spec, o))] : [];
}
