import 'server-only';
import type { SlimRootCert } from '../clusters/records';
import type { FieldChange } from '../history/types';
import type { Describer } from './record-describer';

const short = (fp: string | undefined, error: string | undefined) => (fp ? (fp.length > 17 ? `${fp.slice(0, 17)}…` : fp) : `unreadable (${error ?? 'no certificate'})`);

/**
 * A namespace's istio-ca-root-cert: its fingerprint changing, or turning
 * unreadable. The ConfigMap coming and going with its namespace is quiet.
 */
export const describeRootCert: Describer<SlimRootCert> = (before, after, ctx) => {
  if (!before || !after) return undefined;
  if (before.fingerprint === after.fingerprint && before.error === after.error) return undefined;
  const diff: FieldChange[] = [];
  for (const k of ['fingerprint', 'notAfter', 'subject', 'error'] as const) {
    if (before[k] !== after[k]) diff.push({ path: k, ...(before[k] !== undefined && { before: before[k] }), ...(after[k] !== undefined && { after: after[k] }) });
  }
  return {
    at: ctx.at,
    cluster: ctx.cluster,
    category: 'trust',
    kind: 'ConfigMap',
    namespace: after.namespace,
    name: 'istio-ca-root-cert',
    action: 'changed',
    summary: `root certificate in ${after.namespace} changed: ${short(before.fingerprint, before.error)} → ${short(after.fingerprint, after.error)}`,
    diff,
    services: [],
  };
};
