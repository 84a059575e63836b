import 'server-only';
import { changeKeys } from '@/lib/fleet/change-keys';
import type { SlimConfigObject } from '../clusters/records';

/**
 * Admiral's naming rules, as pure functions over slim records: a workload's
 * identity and environment, its global name, and the GlobalTrafficPolicy and
 * Dependency shapes of the admiral.io/v1alpha1 CRDs.
 */

/** The workload label that carries the identity (Admiral's default; configurable later). */
export const IDENTITY_LABEL = 'identity';
const ENV_KEY = 'admiral.io/env';

/** Admiral's environment: the admiral.io/env annotation or label, else the env label, else "default". */
export function admiralEnv(labels: Record<string, string>, annotations: Record<string, string> = {}): string {
  return annotations[ENV_KEY] || labels[ENV_KEY] || labels.env || 'default';
}

/** The global name Admiral gives an identity in an environment: `<env>.<identity>.global`. */
export function globalName(env: string, identity: string): string {
  return `${env}.${identity}.global`.toLowerCase();
}

/** The global name of a workload's pod, or undefined when it carries no identity. */
export function podGlobalName(labels: Record<string, string>, annotations: Record<string, string>, identityLabel = IDENTITY_LABEL): string | undefined {
  const identity = labels[identityLabel];
  return identity ? globalName(admiralEnv(labels, annotations), identity) : undefined;
}

/** One `spec.policy[]` entry of a GlobalTrafficPolicy. */
export interface GtpPolicy {
  dnsPrefix: string;
  /** The host the policy applies to: the global name, or `<prefix>.<global name>` for another prefix. */
  host: string;
  lbTypeCode: number;
  lbType: 'topology' | 'failover' | 'unknown';
  targets: Array<{ region: string; weight: number }>;
}

/** A GlobalTrafficPolicy read into the identity it selects and its policies. */
export interface ParsedGtp {
  identity: string;
  env: string;
  /** The global name it applies to. */
  globalName: string;
  policies: GtpPolicy[];
}

const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * A GlobalTrafficPolicy: the identity comes from its metadata labels (what
 * Admiral matches on), else from the older `spec.selector`; the environment
 * from its own admiral.io/env annotation or labels. lbType 0 is TOPOLOGY,
 * 1 FAILOVER. Undefined when it selects no identity.
 */
export function parseGtp(o: SlimConfigObject, identityLabel = IDENTITY_LABEL): ParsedGtp | undefined {
  if (o.kind !== 'GlobalTrafficPolicy') return undefined;
  const spec = rec(o.spec);
  const selector = rec(spec.selector);
  const identity = o.labels[identityLabel] ?? (typeof selector[identityLabel] === 'string' ? (selector[identityLabel] as string) : undefined);
  if (!identity) return undefined;
  const env = admiralEnv(o.labels, o.annotations);
  const name = globalName(env, identity);
  const policies = list(spec.policy).map((p): GtpPolicy => {
    const r = rec(p);
    const dnsPrefix = typeof r.dnsPrefix === 'string' && r.dnsPrefix ? r.dnsPrefix : typeof r.dns === 'string' && r.dns ? r.dns : 'default';
    const code = typeof r.lbType === 'number' ? r.lbType : 0;
    const main = dnsPrefix === 'default' || dnsPrefix.toLowerCase() === env.toLowerCase();
    return {
      dnsPrefix,
      host: main ? name : `${dnsPrefix}.${name}`.toLowerCase(),
      lbTypeCode: code,
      lbType: code === 0 ? 'topology' : code === 1 ? 'failover' : 'unknown',
      targets: list(r.target).flatMap((t) => {
        const x = rec(t);
        return typeof x.region === 'string' ? [{ region: x.region, weight: typeof x.weight === 'number' ? x.weight : 0 }] : [];
      }),
    };
  });
  return { identity, env, globalName: name, policies };
}

/** A Dependency: which identities a source identity calls. */
export interface ParsedDependency {
  name: string;
  source: string;
  identityLabel: string;
  destinations: string[];
}

/** A Dependency object, or undefined when it names no source. */
export function parseDependency(o: SlimConfigObject): ParsedDependency | undefined {
  if (o.kind !== 'Dependency') return undefined;
  const spec = rec(o.spec);
  if (typeof spec.source !== 'string' || !spec.source) return undefined;
  return {
    name: o.name,
    source: spec.source,
    identityLabel: typeof spec.identityLabel === 'string' && spec.identityLabel ? spec.identityLabel : IDENTITY_LABEL,
    destinations: list(spec.destinations).filter((d): d is string => typeof d === 'string' && d.length > 0),
  };
}

/** The change keys an Admiral object touches: its identity's, or every identity for a Dependency. */
export function admiralKeys(o: SlimConfigObject): string[] {
  const gtp = parseGtp(o);
  return gtp ? [changeKeys.identity(gtp.globalName)] : [changeKeys.identities];
}
