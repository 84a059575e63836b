/** `npm run sim -- ...`: starts a simulated fleet (and optionally Prometheus) until SIGINT/SIGTERM. */
import { resolve } from 'node:path';
import { checkGeneratedOptions } from './fleet/generated-fleet';
import { parseCliArgs, USAGE, type CliOptions } from './cli-args';
import { startPrometheus, type PrometheusHandle } from './prometheus';
import { startSimFleet, type SimFleet } from './runtime';

async function main(): Promise<void> {
  let opts: CliOptions;
  try {
    opts = parseCliArgs(process.argv.slice(2));
    if (opts.fleet !== 'demo') checkGeneratedOptions(opts.fleet);
  } catch (err) {
    process.stderr.write(`sim: ${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return;
  }
  const started = Date.now();
  let fleet: SimFleet | undefined;
  let prom: PrometheusHandle | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await prom?.stop().catch(() => undefined);
    await fleet?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));
  try {
    fleet = await startSimFleet({ fleet: opts.fleet, scenario: opts.scenario, ...(opts.kubeconfigOut ? { kubeconfigOut: resolve(opts.kubeconfigOut) } : {}) });
    if (opts.prometheus !== 'none') prom = await startPrometheus({ targets: fleet.prometheusTargets, mode: opts.prometheus, clusterLabel: opts.clusterLabel });
  } catch (err) {
    process.stderr.write(`sim: ${(err as Error).message}\n`);
    await stop(1);
    return;
  }
  const out = [
    `Simulated fleet "${fleet.spec.name}" started in ${Date.now() - started} ms (scenario: ${fleet.scenario})`,
    `kubeconfig: ${fleet.kubeconfigPath}`,
    `  contexts: ${fleet.clusters.map((c) => c.name).join(', ')} (and <cluster>-restricted)`,
    `admin: ${fleet.adminUrl}  (GET /scenario, PUT /scenario/{name}, GET /clusters, POST /clusters/{name}/apply)`,
    'Prometheus targets:',
    ...fleet.prometheusTargets.map((t) => `  ${t.cluster}  ${t.url}`),
    ...(prom ? [`Prometheus (${opts.prometheus}):`, ...prom.instances.map((i) => `  ${i.cluster ?? `global, label ${opts.clusterLabel}`}  ${i.url}  pid ${i.pid}`)] : []),
    'Ctrl-C to stop.',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

void main();
