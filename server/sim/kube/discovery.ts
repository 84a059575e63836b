/** Discovery documents: /version, /api, /api/v1, /apis, /apis/<group>, /apis/<group>/<version>. */
import { notFoundPath } from './errors';
import type { ResourceType } from './types';

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Kubernetes version priority: GA > beta > alpha, higher numbers first (v1 > v1beta2 > v1beta1 > v1alpha3). */
export function compareVersions(a: string, b: string): number {
  const rank = (v: string): [number, number, number] => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [0, 0, 0];
    return [m[2] === 'alpha' ? 1 : m[2] === 'beta' ? 2 : 3, Number(m[1]), Number(m[3] ?? 0)];
  };
  const [x, y] = [rank(a), rank(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (y[i] ?? 0) - (x[i] ?? 0);
  return a.localeCompare(b);
}

/** /version */
export function versionInfo(gitVersion: string): Record<string, string> {
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: m?.[1] ?? '1',
    minor: m?.[2] ?? '30',
    gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-01-01T00:00:00Z',
    goVersion: 'go1.24.9',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** /api */
export const apiVersions = (serverAddress: string): Record<string, unknown> => ({
  kind: 'APIVersions',
  versions: ['v1'],
  serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
});

function groupDoc(group: string, types: ResourceType[]): Record<string, unknown> {
  const versions = [...new Set(types.filter((t) => t.group === group).map((t) => t.version))].sort(compareVersions);
  const gv = (version: string) => ({ groupVersion: `${group}/${version}`, version });
  return { name: group, versions: versions.map(gv), preferredVersion: gv(versions[0] ?? 'v1') };
}

/** /apis */
export function apiGroupList(types: ResourceType[]): Record<string, unknown> {
  const groups = [...new Set(types.map((t) => t.group).filter(Boolean))].sort();
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => groupDoc(g, types)) };
}

/** /apis/<group> */
export function apiGroup(group: string, types: ResourceType[]): Record<string, unknown> {
  if (!types.some((t) => t.group === group)) throw notFoundPath();
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(group, types) };
}

/** /api/v1 or /apis/<group>/<version> */
export function apiResourceList(group: string, version: string, types: ResourceType[]): Record<string, unknown> {
  const served = types.filter((t) => t.group === group && t.version === version).sort((a, b) => a.plural.localeCompare(b.plural));
  if (!served.length) throw notFoundPath();
  const resources = served.flatMap((t) => {
    const main = {
      name: t.plural,
      singularName: t.singular ?? t.kind.toLowerCase(),
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: VERBS,
      ...(t.shortNames?.length ? { shortNames: t.shortNames } : {}),
      ...(t.categories?.length ? { categories: t.categories } : {}),
    };
    const subs = (t.subresources ?? []).map((s) => ({
      name: `${t.plural}/${s}`,
      singularName: '',
      namespaced: t.namespaced,
      kind: s === 'portforward' ? 'PodPortForwardOptions' : t.kind,
      verbs: s === 'portforward' ? ['create', 'get'] : ['get', 'patch', 'update'],
    }));
    return [main, ...subs];
  });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}
