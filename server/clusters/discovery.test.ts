import { describe, expect, it } from 'vitest';
import { discover } from './discovery';
import { KubeHttpError, type KubeClient } from './kube-client';

const res = (kind: string, name: string, namespaced = true) => ({ name, kind, namespaced, verbs: ['get', 'list', 'watch'] });

/** A client answering discovery documents from a table; other paths 404. */
function client(docs: Record<string, unknown>): KubeClient {
  return {
    getJson: async (path: string) => {
      if (path in docs) return docs[path];
      throw new KubeHttpError(404, `${path} not found`);
    },
  } as unknown as KubeClient;
}

const gv = (group: string, version: string) => ({ groupVersion: `${group}/${version}`, version });
const GW = 'gateway.networking.k8s.io';

describe('discover', () => {
  it('watches the Gateway API, each kind in the first version that serves it', async () => {
    const d = await discover(
      client({
        '/version': { gitVersion: 'v1.30.4' },
        '/apis': {
          groups: [
            { name: GW, preferredVersion: gv(GW, 'v1'), versions: [gv(GW, 'v1'), gv(GW, 'v1beta1'), gv(GW, 'v1alpha2')] },
            { name: 'apps', preferredVersion: gv('apps', 'v1'), versions: [gv('apps', 'v1')] },
          ],
        },
        [`/apis/${GW}/v1`]: { resources: [res('Gateway', 'gateways'), res('Gateway', 'gateways/status'), res('HTTPRoute', 'httproutes'), res('GRPCRoute', 'grpcroutes'), res('GatewayClass', 'gatewayclasses', false)] },
        [`/apis/${GW}/v1beta1`]: { resources: [res('Gateway', 'gateways'), res('HTTPRoute', 'httproutes'), res('ReferenceGrant', 'referencegrants')] },
        [`/apis/${GW}/v1alpha2`]: { resources: [res('TCPRoute', 'tcproutes'), res('TLSRoute', 'tlsroutes'), res('ReferenceGrant', 'referencegrants')] },
      }),
    );
    expect(d.kubernetesVersion).toBe('v1.30.4');
    expect(d.configKinds.map((k) => `${k.version}/${k.kind}${k.namespaced ? '' : ' (cluster)'}`).sort()).toEqual([
      'v1/GRPCRoute', 'v1/Gateway', 'v1/GatewayClass (cluster)', 'v1/HTTPRoute', 'v1alpha2/TCPRoute', 'v1alpha2/TLSRoute', 'v1beta1/ReferenceGrant',
    ]);
    expect(d.configKinds.find((k) => k.kind === 'Gateway')?.id).toBe(`${GW}/v1/gateways`);
  });

  it("reads only Istio's preferred version, and skips a version removed between the calls", async () => {
    const NET = 'networking.istio.io';
    const d = await discover(
      client({
        '/version': {},
        '/apis': { groups: [{ name: NET, preferredVersion: gv(NET, 'v1'), versions: [gv(NET, 'v1'), gv(NET, 'v1beta1')] }, { name: GW, versions: [gv(GW, 'v1'), gv(GW, 'v1beta1')] }] },
        [`/apis/${NET}/v1`]: { resources: [res('VirtualService', 'virtualservices')] },
        [`/apis/${NET}/v1beta1`]: { resources: [res('ProxyConfig', 'proxyconfigs')] },
        [`/apis/${GW}/v1`]: { resources: [res('HTTPRoute', 'httproutes')] },
      }),
    );
    expect(d.configKinds.map((k) => k.kind).sort()).toEqual(['HTTPRoute', 'VirtualService']);
  });
});
