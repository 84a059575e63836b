import { nthCluster } from './helpers';
import type { Scenario } from './types';

export const splitTrust: Scenario = {
  name: 'split-trust',
  summary: 'One prod cluster trusts a different root certificate.',
  doc: 'Every istio-ca-root-cert ConfigMap in eu-central-1 (the third prod cluster) now holds the PEM of an unrelated root CA, so its SHA-256 fingerprint differs from us-east-1 and us-west-2 while the meshID is still "prod". A trust view should flag the prod mesh as split (two roots) and name eu-central-1 as the odd one out; in reality mTLS between it and the other clusters would fail. The change arrives through watches (MODIFIED ConfigMaps), without a restart.',
  apply(fleet) {
    const target = nthCluster(fleet, 2);
    const pem = fleet.foreignRootPem();
    for (const cm of target.store.list('v1', 'ConfigMap').filter((c) => c.metadata.name === 'istio-ca-root-cert')) {
      fleet.replace(target.name, { ...structuredClone(cm), data: { 'root-cert.pem': pem } });
    }
  },
  revert: () => undefined,
};
