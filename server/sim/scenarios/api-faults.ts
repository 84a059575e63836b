/** Scenarios that only change how a cluster's Kubernetes API behaves. */
import { nthCluster } from './helpers';
import type { Scenario } from './types';

export const clusterDown: Scenario = {
  name: 'cluster-down',
  summary: 'eu-central-1 refuses connections to its Kubernetes API.',
  doc: 'The API server of eu-central-1 (the third cluster) closes its listening socket: every request and watch fails with ECONNREFUSED. The dashboard marks eu-central-1 unreachable with the age of its last data and keeps serving everything else; istiod in the other prod clusters reports the remote cluster as "timeout" in /debug/clusterz. Its data plane keeps running, so its metrics endpoint still serves traffic (an API outage is not a traffic outage). Switching back restores the same port.',
  apply: (fleet) => nthCluster(fleet, 2).api.setFaults({ refuseConnections: true }),
  revert: () => undefined,
};

export const slowApi: Scenario = {
  name: 'slow-api',
  summary: "us-west-2's Kubernetes API answers every request after 5 s.",
  doc: 'Every request to the us-west-2 API server (list, watch, port-forward) is delayed by 5000 ms. Client timeouts shorter than that fail; lists eventually succeed. The dashboard should show us-west-2 as syncing or stale (not unreachable) while its first list is pending, and must not block other clusters\' rows. istiod elsewhere reports the remote as "syncing".',
  apply: (fleet) => nthCluster(fleet, 1).api.setFaults({ delayMs: 5000 }),
  revert: () => undefined,
};

export const tokenExpired: Scenario = {
  name: 'token-expired',
  summary: 'Every token of the staging cluster is rejected with 401.',
  doc: 'The API server of the last cluster (staging-us-east-1 in the demo) answers 401 Unauthorized to every bearer token, the admin and restricted contexts alike. The dashboard marks it unauthorized (never retrying in a tight loop, never as unreachable) and shows everything else.',
  apply: (fleet) => nthCluster(fleet, fleet.clusters.length - 1).api.setFaults({ rejectAllTokens: true }),
  revert: () => undefined,
};

export const watchExpiry: Scenario = {
  name: 'watch-expiry',
  summary: 'Every cluster ends open watches with 410 Gone every few seconds.',
  doc: 'All API servers keep a very short event history and end open watches with an ERROR event (410 Expired) every few seconds, as after an etcd compaction. Informers relist and rewatch; the dashboard should stay ok (perhaps briefly syncing) and its data must not duplicate or lose objects. A good check of relist handling under load.',
  async apply(fleet) {
    await Promise.all(fleet.clusters.map((c) => c.api.setFaults({ expireWatches: true })));
  },
  revert: () => undefined,
};
