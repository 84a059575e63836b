import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../test-helpers';
import { checkPortNames } from './port-name';

const svc = (ports: string, ns = 'default') => `apiVersion: v1
kind: Service
metadata: {name: s, namespace: ${ns}}
spec: {ports: ${ports}}
`;

describe('checkPortNames', () => {
  it('fires IST0118 for a port whose name does not name a protocol', () => {
    expect(messages(checkPortNames(ctxOf([clusterOf('c', svc('[{name: web, port: 80, targetPort: 8080}]'))])))).toEqual([
      "IST0118 Port name web (port: 80, targetPort: 8080) doesn't follow the naming convention of Istio port.",
    ]);
  });

  it('is quiet for http-*, appProtocol, UDP and kube-system', () => {
    expect(checkPortNames(ctxOf([clusterOf('c', svc('[{name: http-web, port: 80}, {name: x, port: 81, appProtocol: grpc}, {name: dns, port: 53, protocol: UDP}, {name: grpc-web, port: 82}]'))]))).toEqual([]);
    expect(checkPortNames(ctxOf([clusterOf('c', svc('[{name: web, port: 80}]', 'kube-system'))]))).toEqual([]);
  });
});
