import path from 'node:path';
import { stringify } from 'yaml';
import { startPrometheus } from '../sim/prometheus';
import { startSimFleet } from '../sim/runtime';

/** What the demo runs the dashboard against, and how to stop it. */
export interface DemoFleet {
  /** The Meshglass config file's text. */
  configYaml: string;
  /** Lines to print: what runs where. */
  summary: string[];
  /** The simulator's admin endpoint (scenario switching). */
  adminUrl: string;
  prometheusUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the simulated demo fleet (scenario from MESHGLASS_SCENARIO) and one
 * global Prometheus scraping it, and writes the config that points Meshglass
 * at both, exactly as an operator would for real clusters.
 */
export async function startDemoFleet(workDir: string, scenario = process.env.MESHGLASS_SCENARIO ?? 'healthy'): Promise<DemoFleet> {
  const kubeconfigPath = path.join(workDir, 'kubeconfig.yaml');
  const fleet = await startSimFleet({ fleet: 'demo', scenario, kubeconfigOut: kubeconfigPath });
  let prometheus: Awaited<ReturnType<typeof startPrometheus>> | undefined;
  try {
    prometheus = await startPrometheus({ targets: fleet.prometheusTargets, mode: 'global', clusterLabel: 'cluster' });
  } catch (err) {
    await fleet.stop();
    throw err;
  }
  const config = {
    clusters: { kubeconfigs: [{ path: kubeconfigPath, exclude: ['*-restricted'] }], staleAfterSeconds: 30, istiodPollSeconds: 5 },
    telemetry: { mode: 'global', global: { url: prometheus.url, clusterLabel: 'cluster' }, window: '1m', cacheSeconds: 2, latencyBaseline: { range: '1m', offset: '1m' } },
    // Workspaces over the simulated fleet, so the Workspaces page and share links have something real to show.
    workspaces: [
      { name: 'bookinfo', description: 'The Bookinfo sample in every cluster', selectors: ['*/bookinfo'] },
      { name: 'payments', description: 'Checkout, payments and the ledger', selectors: ['*/payments'] },
      { name: 'platform', description: 'Mesh infrastructure', selectors: ['*/istio-system'] },
    ],
  };
  const promHandle = prometheus;
  return {
    configYaml: stringify(config),
    summary: [
      `simulated fleet: ${fleet.clusters.map((c) => `${c.name} (${c.mesh})`).join(', ')}`,
      `kubeconfig: ${kubeconfigPath}`,
      `scenario: ${fleet.scenario} (switch: curl -X PUT ${fleet.adminUrl}/scenario/<name>)`,
      `prometheus: ${prometheus.url} (pid ${prometheus.pid})`,
    ],
    adminUrl: fleet.adminUrl,
    prometheusUrl: prometheus.url,
    stop: async () => {
      await promHandle.stop();
      await fleet.stop();
    },
  };
}
