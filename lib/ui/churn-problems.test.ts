import { describe, expect, it } from 'vitest';
import { churnProblems } from './churn-problems';
import { rankProblems } from './problems';

const row = (cluster: string, changes: number, name = 'payments') => ({ cluster, category: 'config' as const, kind: 'VirtualService', namespace: 'payments', name, changes, firstAt: '2026-01-01T00:00:00.000Z', lastAt: '2026-01-01T00:04:00.000Z' });

describe('churnProblems', () => {
  it('says one line per object, naming every cluster it churns in and the most changes', () => {
    const [p, ...rest] = churnProblems([row('us-west-2', 60), row('us-east-1', 100), row('us-east-1', 7, 'other')], 5);
    expect(p).toMatchObject({ kind: 'config-churn', severity: 'warning', title: 'VirtualService payments/payments changed 100 times in 5 min in us-east-1, us-west-2', href: '/changes?namespace=payments&category=config&window=15m' });
    expect(p!.cluster).toBeUndefined();
    expect(rest.map((x) => [x.title, x.href, x.cluster])).toEqual([['VirtualService payments/other changed 7 times in 5 min in us-east-1', '/changes?cluster=us-east-1&namespace=payments&category=config&window=15m', 'us-east-1']]);
  });

  it('ranks churn after what is broken now', () => {
    const problems = rankProblems({ clusters: [{ name: 'c', state: 'unreachable' } as never], churn: { minutes: 5, items: [row('us-east-1', 9)] }, now: 0 });
    expect(problems.map((p) => p.kind)).toEqual(['cluster', 'config-churn']);
  });
});
