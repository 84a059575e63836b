import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../test-helpers';
import { checkGatewayPorts } from './gateway-ports';

const base = `apiVersion: apps/v1
kind: Deployment
metadata: {name: ingress, namespace: istio-system}
spec: {template: {metadata: {labels: {istio: ingressgateway}}, spec: {containers: [{name: istio-proxy, image: "istio/proxyv2:1.23.2"}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: ingress, namespace: istio-system}
spec: {selector: {istio: ingressgateway}, ports: [{name: http2, port: 80, targetPort: 8080}]}
`;
const gw = (sel: string, port: number) => `---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: istio-system}
spec: {selector: {istio: ${sel}}, servers: [{port: {number: ${port}, name: http, protocol: HTTP}, hosts: ["*"]}]}
`;

describe('checkGatewayPorts', () => {
  it('fires IST0101 for a selector matching no pod and IST0162 for a port not behind the Service', () => {
    expect(messages(checkGatewayPorts(ctxOf([clusterOf('c', base + gw('nothing', 8080))])))).toEqual(['IST0101 Referenced selector not found: "istio=nothing"']);
    expect(messages(checkGatewayPorts(ctxOf([clusterOf('c', base + gw('ingressgateway', 9000))])))).toEqual([
      'IST0162 The gateway is listening on a target port (port 9000) that is not defined in the Service associated with its workload instances (Pod selector istio=ingressgateway). If you need to access the gateway port through the gateway Service, it will not be available.',
    ]);
  });

  it('is quiet when the server port is a target port of the Service', () => {
    expect(checkGatewayPorts(ctxOf([clusterOf('c', base + gw('ingressgateway', 8080))]))).toEqual([]);
  });
});
