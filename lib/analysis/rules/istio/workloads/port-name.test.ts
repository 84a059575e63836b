import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkPortNames } from './port-name';

const svc = (ports: string, ns = 'default', meta = '', type = 'ClusterIP') => `apiVersion: v1
kind: Service
metadata: {name: s, namespace: ${ns}${meta}}
spec: {type: ${type}, ports: ${ports}}
`;
const run = (yaml: string) => messages(checkPortNames(ctxOf([clusterOf('c', yaml, {}, { defaultResources: false })])));

describe('service.PortNameAnalyzer', () => {
  it('fires IST0118 for a port whose name or appProtocol does not name a protocol', () => {
    expect(run(svc('[{name: web, port: 80, targetPort: 8080}, {name: http, port: 81, appProtocol: hbone}, {name: h2c, port: 82}]'))).toEqual([
      "IST0118 Port name web (port: 80, targetPort: 8080) doesn't follow the naming convention of Istio port.",
      "IST0118 Port name http (port: 81, targetPort: 0) doesn't follow the naming convention of Istio port.",
      "IST0118 Port name h2c (port: 82, targetPort: 0) doesn't follow the naming convention of Istio port.",
    ]);
  });

  it('is quiet for protocol names, appProtocol, UDP, well-known ports, system namespaces, control plane and Istio-managed Services', () => {
    expect(run(svc('[{name: http-web, port: 80}, {name: x, port: 81, appProtocol: grpc}, {name: y, port: 84, appProtocol: kubernetes.io/h2c}, {name: dns, port: 5353, protocol: UDP}, {name: grpc-web, port: 82}, {name: HTTP2-x, port: 83}, {port: 3306}]'))).toEqual([]);
    expect(run(svc('[{name: web, port: 80}]', 'kube-system'))).toEqual([]);
    expect(run(svc('[{name: web, port: 80}]', 'istio-system', ', labels: {istio: pilot}'))).toEqual([]);
    expect(run(svc('[{name: mesh, port: 15008, appProtocol: hbone}]', 'shop', ', labels: {gateway.istio.io/managed: istio.io-mesh-controller}'))).toEqual([]);
  });

  it('fires IST0150, once, for an ExternalName Service with a tcp or unnamed port, quiet for a named protocol', () => {
    const IST0150 = 'IST0150 Port name for ExternalName service is invalid. Proxy may prevent tcp named ports and unmatched traffic for ports serving TCP protocol from being forwarded correctly';
    expect(run(svc('[{name: tcp, port: 443}, {port: 444}]', 'default', '', 'ExternalName'))).toEqual([IST0150]);
    expect(run(svc('[{name: https, port: 443}, {name: tls-db, port: 5432}]', 'default', '', 'ExternalName'))).toEqual([]);
  });
});
