import { describe, expect, it } from 'vitest';
import { candidatesFromKubeconfig } from './kubeconfig-contexts';

const text = `
apiVersion: v1
kind: Config
clusters:
- {name: c1, cluster: {server: 'https://127.0.0.1:1'}}
users:
- {name: u1, user: {token: t}}
contexts:
- {name: prod-1, context: {cluster: c1, user: u1}}
- {name: prod-broken, context: {cluster: missing, user: u1}}
- {name: dev-1, context: {cluster: c1, user: u1}}
`;

describe('kubeconfig contexts as clusters', () => {
  it('selects contexts by glob, applies overrides, and fails a broken context alone', () => {
    const out = candidatesFromKubeconfig(text, 'kubeconfig:f', { contexts: ['prod-*'], exclude: [], overrides: { 'prod-1': { displayName: 'Prod 1', mesh: 'm1' } } }, 'f');
    expect(out.map((c) => c.name)).toEqual(['prod-1', 'prod-broken']);
    expect(out[0]).toMatchObject({ displayName: 'Prod 1', mesh: 'm1' });
    expect('error' in out[0]!.kubeConfig).toBe(false);
    expect(out[1]!.kubeConfig).toEqual({ error: expect.stringContaining('does not define') });
  });
  it('turns an unparsable file into one failed cluster with a reason', () => {
    const out = candidatesFromKubeconfig('clusters: [', 'kubeconfig:f', { contexts: ['*'], exclude: [], overrides: {} }, 'f');
    expect(out).toHaveLength(1);
    expect(out[0]!.kubeConfig).toEqual({ error: expect.stringContaining('malformed kubeconfig') });
  });
});
