import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import type { ClusterView } from '../../../types';
import { checkServiceAssociationIn } from './service-association';

const FILES = { defaultResources: false };
const NS = `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {istio-injection: enabled}}
---
`;
const deployment = (name: string, meta = '', labels = '{app: api}') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop${meta}}
spec:
  template:
    metadata: {labels: ${labels}}
    spec: {containers: [{name: api, image: api:1}]}
---
`;
const service = (name: string, ports: string, selector = '{app: api}', namespace = 'shop') => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${namespace}}
spec: {selector: ${selector}, ports: ${ports}}
---
`;
const run = (c: ClusterView) => messages(checkServiceAssociationIn(ctxOf([c]), c));

describe('deployment.ServiceAssociationAnalyzer', () => {
  it('fires IST0116 when two Services put different protocols on one port', () => {
    const c = clusterOf('c', NS + deployment('api') + service('api-tcp', '[{name: tcp, port: 80}]') + service('api-udp', '[{name: udp, port: 80, protocol: UDP}]'), {}, FILES);
    expect(run(c)).toEqual(['IST0116 This deployment api is associated with multiple services using port 80 but different protocols: [shop/api-tcp shop/api-udp]']);
  });

  it('fires IST0137 when two Services reach one target port from different ports', () => {
    const c = clusterOf('c', NS + deployment('api') + service('a', '[{name: http, port: 80, targetPort: 8080}]') + service('b', '[{name: http, port: 8080}]'), {}, FILES);
    expect(run(c)).toEqual(['IST0137 This deployment api is associated with multiple services [shop/a shop/b] using targetPort "8080" but different ports: [80 8080].']);
  });

  it('is quiet for consistent Services, other namespaces, empty selectors, waypoints and Deployments outside the mesh', () => {
    const conflicting = service('api-tcp', '[{name: tcp, port: 80}]') + service('api-udp', '[{name: udp, port: 80, protocol: UDP}]');
    expect(run(clusterOf('c', NS + deployment('api') + service('a', '[{name: http, port: 80}]') + service('b', '[{name: grpc, port: 90}]'), {}, FILES))).toEqual([]);
    expect(run(clusterOf('c', NS + deployment('api') + service('a', '[{name: tcp, port: 80}]') + service('b', '[{name: udp, port: 80, protocol: UDP}]', '{app: api}', 'other') + service('c', '[{name: udp, port: 80, protocol: UDP}]', '{}'), {}, FILES))).toEqual([]);
    expect(run(clusterOf('c', NS + deployment('wp', ', labels: {gateway.istio.io/managed: istio.io-mesh-controller}') + conflicting, {}, FILES))).toEqual([]);
    expect(run(clusterOf('c', NS + deployment('api', '', '{app: api, sidecar.istio.io/inject: "false"}') + conflicting, {}, FILES))).toEqual([]);
    expect(run(clusterOf('c', NS.replace('enabled', 'disabled') + deployment('api') + conflicting, {}, FILES))).toEqual([]);
  });

  it('does not judge Deployments whose spec the source does not keep', () => {
    const files = clusterOf('c', NS + deployment('api') + service('a', '[{name: tcp, port: 80}]') + service('b', '[{name: udp, port: 80, protocol: UDP}]'), {}, FILES);
    expect(run({ ...files, deployments: [...files.deployments].map((d) => ({ ...d, spec: undefined })) })).toEqual([]);
  });
});
