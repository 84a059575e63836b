import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkGatewayPorts } from './gateway-ports';

const base = `apiVersion: v1
kind: Pod
metadata: {name: ingress-1, namespace: edge, labels: {istio: ingressgateway}}
---
apiVersion: v1
kind: Service
metadata: {name: ingress, namespace: edge}
spec: {selector: {istio: ingressgateway}, ports: [{name: http2, port: 80, targetPort: 8080, protocol: TCP}]}
`;
const gw = (sel: string, port: number) => `---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: edge}
spec: {selector: {istio: ${sel}}, servers: [{port: {number: ${port}, name: http, protocol: HTTP}, hosts: ["*"]}]}
`;
const run = (yaml: string, over = {}) => messages(checkGatewayPorts(ctxOf([clusterOf('c', yaml, over, {})])));

describe('checkGatewayPorts', () => {
  it('fires IST0101 for a selector matching no pod and IST0162 for a port not behind the Service', () => {
    expect(run(base + gw('nothing', 8080))).toEqual(['IST0101 Referenced selector not found: "istio=nothing"']);
    expect(run(base + gw('ingressgateway', 9000))).toEqual([
      'IST0162 The gateway is listening on a target port (port 9000) that is not defined in the Service associated with its workload instances (Pod selector istio=ingressgateway). If you need to access the gateway port through the gateway Service, it will not be available.',
    ]);
  });

  it('is quiet when the server port is a target port or a port of the Service', () => {
    expect(run(base + gw('ingressgateway', 8080))).toEqual([]);
    expect(run(base + gw('ingressgateway', 80))).toEqual([]);
  });

  it('is quiet while the cluster is incomplete or its pods do not keep the selector\'s labels', () => {
    expect(run(base + gw('nothing', 8080), { complete: false })).toEqual([]);
    expect(run(base + gw('nothing', 8080), { podLabelKeys: new Set(['app']) })).toEqual([]);
  });
});
