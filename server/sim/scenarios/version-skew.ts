import type { KubeObject } from '../kube/types';
import { nthCluster } from './helpers';
import type { Scenario } from './types';

interface Containers {
  containers: Array<{ name: string; image: string }>;
}

const retag = (image: string, version: string) => image.replace(/:[^:]+$/, `:${version}`);

function withImage(obj: KubeObject, container: string, version: string): KubeObject {
  const copy = structuredClone(obj);
  const spec = (copy.kind === 'Deployment' ? (copy.spec as { template: { spec: Containers } }).template.spec : copy.spec) as Containers;
  for (const c of spec.containers) if (c.name === container || container === '*') c.image = retag(c.image, version);
  if (copy.kind === 'Pod') {
    const statuses = (copy.status as { containerStatuses?: Array<{ name: string; image: string }> } | undefined)?.containerStatuses ?? [];
    for (const s of statuses) if (s.name === container || container === '*') s.image = retag(s.image, version);
  }
  return copy;
}

export const versionSkew: Scenario = {
  name: 'version-skew',
  summary: 'istiod minor versions differ across prod; some proxies run two minors behind.',
  doc: 'istiod (default revision) in us-east-1 is downgraded to 1.29.6 while us-west-2 and eu-central-1 run 1.30.3 (plus the 1.31.0 canary), so /version, the istiod Deployment image and its app.kubernetes.io/version label disagree across the prod mesh. In eu-central-1 the ratings-v1 pods\' istio-proxy runs 1.28.10, two minors behind their control plane: syncz reports proxy_version 1.28.10 for them. An upgrade-readiness view should list the skewed istiod and flag the proxies outside the supported skew (n-2).',
  apply(fleet) {
    const first = nthCluster(fleet, 0);
    for (const kind of ['Deployment', 'Pod'] as const) {
      const apiVersion = kind === 'Deployment' ? 'apps/v1' : 'v1';
      for (const o of first.store.list(apiVersion, kind, 'istio-system').filter((x) => x.metadata.labels?.app === 'istiod' && x.metadata.labels['istio.io/rev'] === 'default')) {
        const next = withImage(o, '*', '1.29.6');
        next.metadata.labels = { ...next.metadata.labels, 'app.kubernetes.io/version': '1.29.6' };
        fleet.replace(first.name, next);
      }
    }
    const third = nthCluster(fleet, 2);
    const pods = third.store.list('v1', 'Pod').filter((p) => p.metadata.labels?.app === 'ratings');
    const victims = pods.length ? pods : third.store.list('v1', 'Pod').filter((p) => p.metadata.labels?.['security.istio.io/tlsMode'] === 'istio').slice(0, 2);
    for (const p of victims) fleet.replace(third.name, withImage(p, 'istio-proxy', '1.28.10'));
  },
  revert: () => undefined,
};
