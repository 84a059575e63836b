import { ApisApi, CoreV1Api, CustomObjectsApi, PatchStrategy, setHeaderOptions, VersionApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendorPath } from '../../vendor/vendor-path';
import { configMap, RESTRICTED, startTestCluster, type TestCluster } from './test-support';
import { loadManifestFile } from './yaml-loader';

let c: TestCluster;
beforeAll(async () => {
  c = await startTestCluster({}, true);
});
afterAll(async () => {
  await c?.server.stop();
});

interface Failure {
  code?: number;
  body?: unknown;
}
/** The ApiException of a failed call, with its Status body parsed. */
async function failure(p: Promise<unknown>): Promise<{ code?: number; status: Record<string, unknown> }> {
  const e = (await p.then(
    () => ({}),
    (err: unknown) => err,
  )) as Failure;
  const body = typeof e.body === 'string' ? (JSON.parse(e.body) as Record<string, unknown>) : ((e.body ?? {}) as Record<string, unknown>);
  return { code: e.code, status: body };
}

const vs = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name }, spec });

describe('discovery, errors and auth through @kubernetes/client-node', () => {
  it('serves /version and API discovery', async () => {
    const v = await c.kc().makeApiClient(VersionApi).getCode();
    expect(v).toMatchObject({ gitVersion: 'v1.33.5', major: '1', minor: '33', platform: 'linux/amd64' });
    const groups = await c.kc().makeApiClient(ApisApi).getAPIVersions();
    const istio = groups.groups.find((g) => g.name === 'networking.istio.io');
    expect(istio?.preferredVersion?.version).toBe('v1');
    expect(groups.groups.map((g) => g.name)).toEqual(expect.arrayContaining(['apps', 'discovery.k8s.io', 'admiral.io', 'security.istio.io']));
    const core = await c.kc().makeApiClient(CoreV1Api).getAPIResources();
    const pods = core.resources.find((r) => r.name === 'pods');
    expect(pods).toMatchObject({ kind: 'Pod', namespaced: true, singularName: 'pod' });
    expect(pods?.verbs).toEqual(expect.arrayContaining(['list', 'watch', 'get']));
  });

  it('answers 401 for a missing or unknown token and for rejectAllTokens', async () => {
    // client-node drops the body of a 401 (its generated code throws without it), so only the code is visible.
    const bad = await failure(c.kc('nope').makeApiClient(CoreV1Api).listNamespace());
    expect(bad.code).toBe(401);
    expect((await failure(c.kc('').makeApiClient(CoreV1Api).listNamespace())).code).toBe(401);
    await c.server.setFaults({ rejectAllTokens: true });
    try {
      expect((await failure(c.kc().makeApiClient(CoreV1Api).listNamespace())).code).toBe(401);
    } finally {
      await c.server.setFaults({ rejectAllTokens: false });
    }
    await expect(c.kc().makeApiClient(CoreV1Api).listNamespace()).resolves.toBeTruthy();
  });

  it('answers 403 outside a restricted token’s rules while allowed reads work', async () => {
    c.store.apply(configMap('visible', 'team-a'));
    const api = c.kc(RESTRICTED).makeApiClient(CoreV1Api);
    const ok = await api.listNamespacedConfigMap({ namespace: 'team-a' });
    expect(ok.items.map((i) => i.metadata?.name)).toEqual(['visible']);
    const other = await failure(api.listNamespacedConfigMap({ namespace: 'team-b' }));
    expect(other.code).toBe(403);
    expect(other.status.message).toBe('configmaps is forbidden: User "team-a" cannot list resource "configmaps" in API group "" in the namespace "team-b"');
    const all = await failure(api.listConfigMapForAllNamespaces());
    expect(all.status.message).toMatch(/cannot list resource "configmaps" in API group "" at the cluster scope/);
    const write = await failure(api.createNamespacedConfigMap({ namespace: 'team-a', body: configMap('x', 'team-a') }));
    expect(write.code).toBe(403);
  });

  it('creates, conflicts, patches, replaces and deletes like the API server', async () => {
    const api = c.kc().makeApiClient(CoreV1Api);
    const created = await api.createNamespacedConfigMap({ namespace: 'writes', body: configMap('cm', 'writes', undefined, { a: '1' }) });
    expect(created.metadata?.resourceVersion).toBeTruthy();
    const dup = await failure(api.createNamespacedConfigMap({ namespace: 'writes', body: configMap('cm', 'writes') }));
    expect(dup.status).toMatchObject({ reason: 'AlreadyExists', code: 409 });
    const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    const patched = await api.patchNamespacedConfigMap({ namespace: 'writes', name: 'cm', body: { data: { b: '2' } } }, merge);
    expect(patched.data).toEqual({ a: '1', b: '2' });
    // client-node's default patch type is a JSON patch.
    const jsonPatched = await api.patchNamespacedConfigMap({ namespace: 'writes', name: 'cm', body: [{ op: 'remove', path: '/data/a' }] });
    expect(jsonPatched.data).toEqual({ b: '2' });
    const smp = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
    const stalePatch = await failure(
      api.patchNamespacedConfigMap({ namespace: 'writes', name: 'cm', body: { metadata: { resourceVersion: '1' }, data: { c: '3' } } }, smp),
    );
    expect(stalePatch.status).toMatchObject({ reason: 'Conflict', code: 409 });
    const stale = { ...configMap('cm', 'writes'), metadata: { name: 'cm', namespace: 'writes', resourceVersion: created.metadata?.resourceVersion } };
    const conflict = await failure(api.replaceNamespacedConfigMap({ namespace: 'writes', name: 'cm', body: stale }));
    expect(conflict.status).toMatchObject({ reason: 'Conflict', code: 409 });
    await api.deleteNamespacedConfigMap({ namespace: 'writes', name: 'cm' });
    const gone = await failure(api.readNamespacedConfigMap({ namespace: 'writes', name: 'cm' }));
    expect(gone.status).toMatchObject({ reason: 'NotFound', code: 404, message: 'configmaps "cm" not found' });
  });

  it('sets a LoadBalancer ingress through the service status subresource', async () => {
    const api = c.kc().makeApiClient(CoreV1Api);
    await api.createNamespacedService({ namespace: 'istio-system', body: { metadata: { name: 'eastwest' }, spec: { type: 'LoadBalancer', ports: [{ port: 15443 }] } } });
    const svc = await api.readNamespacedService({ namespace: 'istio-system', name: 'eastwest' });
    svc.status = { loadBalancer: { ingress: [{ ip: '10.0.0.1' }] } };
    await api.replaceNamespacedServiceStatus({ namespace: 'istio-system', name: 'eastwest', body: svc });
    const after = await api.readNamespacedService({ namespace: 'istio-system', name: 'eastwest' });
    expect(after.status?.loadBalancer?.ingress?.[0]?.ip).toBe('10.0.0.1');
  });

  it('rejects an invalid VirtualService with 422 naming the field', async () => {
    const api = c.kc().makeApiClient(CustomObjectsApi);
    const res = await failure(
      api.createNamespacedCustomObject({ group: 'networking.istio.io', version: 'v1', namespace: 'default', plural: 'virtualservices', body: vs('bad', { hosts: 'reviews' }) }),
    );
    expect(res.code).toBe(422);
    expect(res.status.reason).toBe('Invalid');
    expect(res.status.message).toMatch(/^VirtualService\.networking\.istio\.io "bad" is invalid: spec\.hosts/);
    const causes = (res.status.details as { causes: Array<{ field: string }> }).causes;
    expect(causes[0]?.field).toBe('spec.hosts');
  });

  it('accepts the real bookinfo VirtualServices and serves them at every version', async () => {
    const api = c.kc().makeApiClient(CustomObjectsApi);
    const samples = loadManifestFile(vendorPath('istio', 'samples', 'bookinfo', 'virtual-service-all-v1.yaml'));
    for (const body of samples)
      await api.createNamespacedCustomObject({ group: 'networking.istio.io', version: 'v1', namespace: 'bookinfo', plural: 'virtualservices', body });
    const listed = (await api.listNamespacedCustomObject({ group: 'networking.istio.io', version: 'v1beta1', namespace: 'bookinfo', plural: 'virtualservices' })) as {
      items: Array<{ apiVersion: string; metadata: { name: string } }>;
    };
    expect(listed.items.map((i) => i.metadata.name).sort()).toEqual(samples.map((s) => s.metadata.name).sort());
    expect(listed.items[0]?.apiVersion).toBe('networking.istio.io/v1beta1');
  });
});
