import type { Scenario } from './types';

/** The baseline: every control plane synced, one root per mesh, modest error rates. */
export const healthy: Scenario = {
  name: 'healthy',
  summary: 'Everything as specified: synced proxies, one root of trust per mesh, reachable APIs.',
  doc: 'Every cluster is reachable and synced; each mesh shares one root certificate (prod and staging differ, as intended); all east-west gateways have addresses; proxies are SYNCED. Traffic flows as modelled, including cross-network calls (productpage in us-east-1 to reviews-v3 in us-west-2, reviews to ratings in eu-central-1, sleep to helloworld both ways, checkout to payments 90/10). The only errors are a 1% 404 rate on details, healthy by Kiali\'s tolerances; no service is degraded and no analysis finding is at Error level.',
  apply: () => undefined,
  revert: () => undefined,
};
