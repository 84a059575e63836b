/**
 * Checks of annotation values, as the sidecar injector checks them
 * (pkg/kube/inject's AnnotationValidation): each returns the problem in the
 * words of Istio's Go error, or undefined when the value is fine.
 */
import { parse as parseYaml } from 'yaml';
import { isIPAddress } from './ip-address';

type Check = (value: string) => string | undefined;

const q = (s: string) => JSON.stringify(s);

/** strconv.ParseUint(value, 10, bits). */
function parseUint(value: string, bits: number): string | undefined {
  if (!/^[0-9]+$/.test(value)) return `strconv.ParseUint: parsing ${q(value)}: invalid syntax`;
  if (BigInt(value) >= 1n << BigInt(bits)) return `strconv.ParseUint: parsing ${q(value)}: value out of range`;
  return undefined;
}

const GO_BOOLS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

function parseBool(value: string): string | undefined {
  return GO_BOOLS.has(value) ? undefined : `strconv.ParseBool: parsing ${q(value)}: invalid syntax`;
}

function parsePort(port: string): string | undefined {
  const err = parseUint(port.trim(), 16);
  return err && `failed parsing port '${port}': ${err}`;
}

/** A comma-separated port list; empty is fine. */
function portList(parameter: string): Check {
  return (ports) => {
    const trimmed = ports.trim();
    if (!trimmed) return undefined;
    for (const p of trimmed.split(',')) {
      const err = parsePort(p);
      if (err) return `${parameter} invalid: failed parsing port '${p}': ${err}`;
    }
    return undefined;
  };
}

/** netip.ParsePrefix's complaint about a CIDR, or undefined. */
function parsePrefix(cidr: string): string | undefined {
  const slash = cidr.lastIndexOf('/');
  const head = `netip.ParsePrefix(${q(cidr)})`;
  if (slash < 0) return `${head}: no '/'`;
  const addr = cidr.slice(0, slash);
  const bits = cidr.slice(slash + 1);
  if (addr.includes('%')) return `${head}: IPv6 zones cannot be present in a prefix`;
  if (!isIPAddress(addr)) return `${head}: ParseAddr(${q(addr)}): unable to parse IP`;
  if (!/^(0|[1-9]\d{0,2})$/.test(bits)) return `${head}: bad bits after slash: ${q(bits)}`;
  if (Number(bits) > (addr.includes(':') ? 128 : 32)) return `${head}: prefix length out of range`;
  return undefined;
}

function cidrList(ranges: string): string | undefined {
  if (!ranges) return undefined;
  for (const cidr of ranges.split(',')) {
    const err = parsePrefix(cidr);
    if (err) return `failed parsing cidr '${cidr}': ${err}`;
  }
  return undefined;
}

const INTERFACE_NAME = /^[a-zA-Z][a-zA-Z0-9_.-]*$/;

function interfaceNames(interfaces: string): string | undefined {
  if (!interfaces) return undefined;
  for (const raw of interfaces.split(',')) {
    const name = raw.trim();
    if (!name) return 'empty interface name';
    if (name.length > 15) return `interface name ${q(name)} too long (max 15 chars)`;
    if (!INTERFACE_NAME.test(name)) return `interface name ${q(name)} contains invalid characters`;
  }
  return undefined;
}

// Kubernetes' quantity grammar: a signed decimal and a suffix (binary, decimal or exponent).
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const QUANTITY_FORMAT = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

function quantity(value: string): string | undefined {
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return 'value contains control characters';
  if (QUANTITY.test(value)) return undefined;
  if (!QUANTITY_FORMAT.test(value)) return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  return "unable to parse quantity's suffix";
}

/**
 * A ProxyConfig in YAML. Only its syntax is checked: Istio also applies it
 * over the default proxy config and validates every field, which this does not.
 */
function proxyConfig(value: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = parseYaml(value);
  } catch (err) {
    return `failed to convert to apply proxy config: ${(err as Error).message.split('\n')[0]}`;
  }
  if (parsed !== null && parsed !== undefined && (typeof parsed !== 'object' || Array.isArray(parsed))) return 'failed to convert to apply proxy config: not a mapping';
  return undefined;
}

const INTERCEPTION_MODES = new Set(['REDIRECT', 'TPROXY', 'NONE']);

/** Annotation name -> the check of its value. */
export const ANNOTATION_VALUE_CHECKS: Readonly<Record<string, Check>> = {
  'sidecar.istio.io/interceptionMode': (m) => (INTERCEPTION_MODES.has(m) ? undefined : `interceptionMode invalid, use REDIRECT,TPROXY,NONE: ${m}`),
  'status.sidecar.istio.io/port': (p) => {
    const err = parsePort(p);
    return err && `excludeInboundPorts invalid: ${err}`;
  },
  'readiness.status.sidecar.istio.io/initialDelaySeconds': (v) => parseUint(v, 32),
  'readiness.status.sidecar.istio.io/periodSeconds': (v) => parseUint(v, 32),
  'readiness.status.sidecar.istio.io/failureThreshold': (v) => parseUint(v, 32),
  'traffic.sidecar.istio.io/includeOutboundIPRanges': (r) => {
    const err = r === '*' ? undefined : cidrList(r);
    return err && `includeIPRanges invalid: ${err}`;
  },
  'traffic.sidecar.istio.io/excludeOutboundIPRanges': (r) => {
    const err = cidrList(r);
    return err && `excludeIPRanges invalid: ${err}`;
  },
  'traffic.sidecar.istio.io/includeInboundPorts': (p) => (p === '*' ? undefined : portList('includeInboundPorts')(p)),
  'traffic.sidecar.istio.io/excludeInboundPorts': portList('excludeInboundPorts'),
  'traffic.sidecar.istio.io/excludeOutboundPorts': portList('excludeOutboundPorts'),
  'traffic.sidecar.istio.io/excludeInterfaces': interfaceNames,
  'traffic.sidecar.istio.io/kubevirtInterfaces': interfaceNames,
  'istio.io/reroute-virtual-interfaces': interfaceNames,
  'prometheus.istio.io/merge-metrics': parseBool,
  'proxy.istio.io/config': proxyConfig,
  'sidecar.istio.io/proxyCPU': quantity,
  'sidecar.istio.io/proxyMemory': quantity,
  'sidecar.istio.io/proxyCPULimit': quantity,
  'sidecar.istio.io/proxyMemoryLimit': quantity,
};
