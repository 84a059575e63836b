import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkMultiClusterServices } from './multicluster-service';

const svc = (spec: string) => `apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: bookinfo}
spec: ${spec}
`;

describe('checkMultiClusterServices', () => {
  it('fires IST0170 when ports and headless mode differ across clusters', () => {
    const fs = checkMultiClusterServices(ctxOf([clusterOf('a', svc('{ports: [{name: http, port: 9080}]}')), clusterOf('b', svc('{clusterIP: None, ports: [{name: http, port: 9090}]}'))]));
    expect(messages(fs)).toEqual([
      'IST0170 The service reviews in namespace "bookinfo" is inconsistent across clusters ["a" "b"], which can lead to undefined behaviors. The inconsistent behaviors are: service has mixed mode like headless and clusterIP; service ports are inconsistent.',
    ]);
    expect(fs[0]!.objects.map((o) => o.cluster)).toEqual(['a', 'b']);
  });

  it('is quiet for identical services', () => {
    expect(checkMultiClusterServices(ctxOf([clusterOf('a', svc('{ports: [{name: http, port: 9080}]}')), clusterOf('b', svc('{ports: [{name: http, port: 9080}]}'))]))).toEqual([]);
  });
});
