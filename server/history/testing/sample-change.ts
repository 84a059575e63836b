import type { ChangeInput } from '../types';

let n = 0;

/** A plausible change for tests; each call a new name and a later time unless overridden. */
export function sampleChange(over: Partial<ChangeInput> = {}): ChangeInput {
  n++;
  return {
    at: new Date(Date.UTC(2026, 0, 1) + n * 1_000).toISOString(),
    cluster: 'prod-east',
    category: 'config',
    kind: 'VirtualService',
    namespace: 'team-a',
    name: `vs-${n}`,
    action: 'changed',
    summary: `weight of reviews-v${n} 50 → 100`,
    diff: [{ path: 'spec.http[0].route[1].weight', before: 50, after: 100 }],
    services: ['team-a/reviews'],
    ...over,
  };
}
