/** Slim records for the recorder's tests: small builders with overridable fields. */
import type { SlimConfigObject, SlimDeployment, SlimNamespace, SlimRootCert, SlimService } from '../../clusters/records';
import { ClusterStore } from '../../fleet/cluster-store';
import type { DescribeContext } from '../record-describer';

export const AT = '2026-01-02T03:04:05.006Z';

export function ctxWith(fill?: (store: ClusterStore) => void): DescribeContext {
  const store = new ClusterStore('c1');
  fill?.(store);
  return { at: AT, cluster: 'c1', store };
}

export const destinationRule = (over: Partial<SlimConfigObject> = {}, spec: unknown = { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] }): SlimConfigObject => ({
  group: 'networking.istio.io', version: 'v1', kind: 'DestinationRule', namespace: 'bookinfo', name: 'reviews', resourceVersion: '10', generation: 1, labels: {}, annotations: {}, spec, ...over,
});

export const deployment = (over: Partial<SlimDeployment> = {}): SlimDeployment => ({
  namespace: 'bookinfo', name: 'reviews-v1', labels: { app: 'reviews' }, replicas: 2, readyReplicas: 2, availableReplicas: 2,
  images: ['docker.io/istio/examples-bookinfo-reviews-v1:1.20.1'], templateLabels: { app: 'reviews', version: 'v1' }, ...over,
});

export const service = (over: Partial<SlimService> = {}): SlimService => ({
  namespace: 'bookinfo', name: 'reviews', type: 'ClusterIP', clusterIP: '10.0.0.5', ports: [{ name: 'http', port: 9080, protocol: 'TCP' }], selector: { app: 'reviews' }, labels: { app: 'reviews' }, externalAddresses: [], ...over,
});

export const namespace = (name: string, labels: Record<string, string> = {}): SlimNamespace => ({ name, labels });

export const rootCert = (over: Partial<SlimRootCert> = {}): SlimRootCert => ({ namespace: 'bookinfo', fingerprint: 'AA:BB:CC:DD:EE:FF:00:11:22', notAfter: '2035-01-01T00:00:00.000Z', subject: 'O=root', ...over });
