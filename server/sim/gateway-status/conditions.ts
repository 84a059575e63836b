/** Kubernetes status conditions (metav1.Condition) as istiod writes them, and how they carry over between passes. */

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface Condition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  lastTransitionTime: string;
  observedGeneration?: number;
}

/** A condition observed at `generation`, transitioning at `now` unless an earlier one carries over. */
export function condition(type: string, ok: boolean, reason: string, message: string, generation: number | undefined, now: string): Condition {
  return { type, status: ok ? 'True' : 'False', reason, message, lastTransitionTime: now, ...(generation === undefined ? {} : { observedGeneration: generation }) };
}

/**
 * `next` with each condition's lastTransitionTime taken from `previous` when
 * that condition's status did not change (meta.SetStatusCondition's rule),
 * so a pass that changes nothing writes nothing.
 */
export function carryTransitions(previous: readonly unknown[] | undefined, next: Condition[]): Condition[] {
  const old = new Map<string, Partial<Condition>>();
  for (const c of previous ?? []) {
    const p = c as Partial<Condition>;
    if (p && typeof p.type === 'string') old.set(p.type, p);
  }
  return next.map((c) => {
    const o = old.get(c.type);
    return o?.status === c.status && typeof o.lastTransitionTime === 'string' ? { ...c, lastTransitionTime: o.lastTransitionTime } : c;
  });
}

/** The conditions of a status object (empty when absent). */
export const conditionsOf = (status: unknown): unknown[] => {
  const c = (status as { conditions?: unknown } | undefined)?.conditions;
  return Array.isArray(c) ? c : [];
};
