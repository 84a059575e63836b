import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkExternalControlPlaneIn } from './external-control-plane';

const injector = (clientConfig: string, name = 'istio-sidecar-injector') => `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: ${name}}
webhooks: [{name: object.sidecar-injector.istio.io, clientConfig: ${clientConfig}}]
`;
const run = (yaml: string) => {
  const c = clusterOf('c', yaml, {}, {});
  return messages(checkExternalControlPlaneIn(ctxOf([c]), c));
};

describe('checkExternalControlPlaneIn', () => {
  it('fires IST0163 for a webhook with neither URL nor Service, or a URL that does not parse', () => {
    expect(run(injector('{url: null}'))).toEqual(['IST0163 The hostname () that was provided for the webhook (object.sidecar-injector.istio.io) to reach the ingress gateway on the external control plane cluster is blank. Traffic may not flow properly.']);
    expect(run(injector('{url: "https://istiod.example.com:port/inject"}'))).toEqual(['IST0163 The hostname (https://istiod.example.com:port/inject) that was provided for the webhook (object.sidecar-injector.istio.io) to reach the ingress gateway on the external control plane cluster was provided in an invalid format. Traffic may not flow properly.']);
  });

  it('fires IST0164 for a URL with an IP address', () => {
    expect(run(injector('{url: "https://10.1.2.3:15017/inject"}'))).toEqual(['IST0164 The address (https://10.1.2.3:15017/inject) that was provided for the webhook (object.sidecar-injector.istio.io) to reach the ingress gateway on the external control plane cluster is an IP address. This is not recommended for a production environment.']);
  });

  it('is quiet for a host name, a Service, and webhooks that are not Istio\'s', () => {
    expect(run(injector('{url: "https://istiod.example.com:15017/inject"}'))).toEqual([]);
    expect(run(injector('{service: {name: istiod, namespace: istio-system}}'))).toEqual([]);
    expect(run(injector('{url: null}', 'other-injector'))).toEqual([]);
  });

  it('reads nothing where the source keeps no webhook configurations', () => {
    const c = { ...clusterOf('c', injector('{url: null}'), {}, {}), resources: undefined };
    expect(checkExternalControlPlaneIn(ctxOf([c]), c)).toEqual([]);
  });
});
