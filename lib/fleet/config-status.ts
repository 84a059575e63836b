/**
 * Whether a config object's controller reports it healthy, read from the
 * conditions Gateway API objects carry (status.conditions, each listener's,
 * each route parent's): the config list answers it, the browser shows it.
 */
import { z } from 'zod';

/** A condition that is not as it should be, and where it sits. */
const failingConditionSchema = z.object({
  /** 'listener http', 'Gateway istio-ingress/public:http' (a route parent); absent for the object's own conditions. */
  where: z.string().optional(),
  type: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
});
export type FailingCondition = z.infer<typeof failingConditionSchema>;

/** One object's status in one cluster. */
export const configStatusViewSchema = z.object({ state: z.enum(['ok', 'error']), failing: z.array(failingConditionSchema) });
export type ConfigStatusView = z.infer<typeof configStatusViewSchema>;

/** Conditions whose True is the bad news (Gateway API's negative polarity). */
const NEGATIVE: ReadonlySet<string> = new Set(['Conflicted', 'PartiallyInvalid']);

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj).filter((x): x is Json => !!x) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** A parentRef (or a policy's ancestorRef) as the service page names parents: 'Gateway ns/name:section'. */
export function parentLabel(ref: unknown, objectNamespace: string): string {
  const r = obj(ref) ?? {};
  const section = str(r.sectionName) ?? (typeof r.port === 'number' ? String(r.port) : undefined);
  return `${str(r.kind) ?? 'Gateway'} ${str(r.namespace) ?? objectNamespace}/${str(r.name) ?? '?'}${section ? `:${section}` : ''}`;
}

function failing(conditions: unknown, where: string | undefined): { count: number; bad: FailingCondition[] } {
  const cs = list(conditions).filter((c) => str(c.type));
  const bad = cs
    .filter((c) => (NEGATIVE.has(c.type as string) ? c.status !== 'False' : c.status !== 'True'))
    .map((c) => ({ ...(where ? { where } : {}), type: c.type as string, status: str(c.status) ?? 'Unknown', ...(str(c.reason) ? { reason: c.reason as string } : {}), ...(str(c.message) ? { message: c.message as string } : {}) }));
  return { count: cs.length, bad };
}

/** The object's status in one cluster, or undefined when it carries no conditions at all. */
export function configStatus(status: unknown, objectNamespace: string): ConfigStatusView | undefined {
  const s = obj(status);
  if (!s) return undefined;
  const parts = [
    failing(s.conditions, undefined),
    ...list(s.listeners).map((l) => failing(l.conditions, `listener ${str(l.name) ?? '?'}`)),
    ...list(s.parents).map((p) => failing(p.conditions, parentLabel(p.parentRef, objectNamespace))),
    ...list(s.ancestors).map((p) => failing(p.conditions, parentLabel(p.ancestorRef, objectNamespace))),
  ];
  if (parts.every((p) => p.count === 0)) return undefined;
  const bad = parts.flatMap((p) => p.bad);
  return { state: bad.length ? 'error' : 'ok', failing: bad };
}

/** An object's status over the clusters that hold it: in error when any cluster is, each failure with its cluster. */
export interface MergedStatus {
  state: 'ok' | 'error';
  failing: (FailingCondition & { cluster: string })[];
}

/** Merges per-cluster statuses; undefined when no cluster reports conditions. */
export function mergeStatuses(byCluster: readonly { cluster: string; status: ConfigStatusView | undefined }[]): MergedStatus | undefined {
  const known = byCluster.filter((c): c is { cluster: string; status: ConfigStatusView } => !!c.status);
  if (!known.length) return undefined;
  const failing = known.flatMap((c) => c.status.failing.map((f) => ({ ...f, cluster: c.cluster })));
  return { state: failing.length ? 'error' : 'ok', failing };
}

/** A failure in words: 'us-west-2 · Gateway istio-ingress/public:https: Accepted False NoMatchingParent'. */
export function describeFailure(f: FailingCondition & { cluster?: string }): string {
  return `${f.cluster ? `${f.cluster} · ` : ''}${f.where ? `${f.where}: ` : ''}${f.type} ${f.status}${f.reason ? ` ${f.reason}` : ''}`;
}

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/** Kinds whose controller writes status conditions worth a cell: Gateway API's, except ReferenceGrant (it has no status). */
export function carriesStatus(o: { group: string; kind: string }): boolean {
  return o.group === GATEWAY_API_GROUP && o.kind !== 'ReferenceGrant';
}
