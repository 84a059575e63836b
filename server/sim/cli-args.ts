/** Parses `npm run sim -- ...` arguments; errors name the bad flag. */
import { parseArgs } from 'node:util';
import type { GeneratedFleetOptions } from './fleet/generated-fleet';
import { scenarioNames } from './scenarios/registry';

export interface CliOptions {
  fleet: 'demo' | GeneratedFleetOptions;
  scenario: string;
  kubeconfigOut?: string;
  prometheus: 'none' | 'per-cluster' | 'global';
  clusterLabel: string;
  help: boolean;
}

export const USAGE = `Usage: npm run sim -- [options]

  --fleet demo                 the default two-mesh demo fleet
  --clusters N                 a generated fleet of N clusters (with the options below)
    --namespaces M             namespaces per cluster (default 4)
    --services K               services per cluster (default 20)
    --pods P                   pods per service (default 2)
    --seed S                   random seed (default 1)
    --meshes X                 meshes the clusters are split into (default 1)
  --scenario NAME              start in a scenario (default healthy): ${scenarioNames().join(', ')}
  --kubeconfig-out PATH        write the kubeconfig here (default: a temporary file)
  --prometheus MODE            none (default), per-cluster or global
  --cluster-label NAME         label the global Prometheus adds per target (default cluster)
  -h, --help                   this text
`;

function int(flag: string, raw: string | undefined, dflt: number): number {
  if (raw === undefined) return dflt;
  if (!/^-?\d+$/.test(raw)) throw new Error(`--${flag} expects an integer, got "${raw}"`);
  return Number(raw);
}

/** Parses argv (without node and the script); throws an Error whose message names the offending flag. */
export function parseCliArgs(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      fleet: { type: 'string' },
      clusters: { type: 'string' },
      namespaces: { type: 'string' },
      services: { type: 'string' },
      pods: { type: 'string' },
      seed: { type: 'string' },
      meshes: { type: 'string' },
      scenario: { type: 'string' },
      'kubeconfig-out': { type: 'string' },
      prometheus: { type: 'string' },
      'cluster-label': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const generatedFlags = ['clusters', 'namespaces', 'services', 'pods', 'seed', 'meshes'] as const;
  const generated = generatedFlags.some((f) => values[f] !== undefined);
  if (values.fleet !== undefined && values.fleet !== 'demo') throw new Error(`--fleet must be "demo" (got "${values.fleet}"); use --clusters N ... for a generated fleet`);
  if (values.fleet === 'demo' && generated) throw new Error('--fleet demo cannot be combined with --clusters/--namespaces/--services/--pods/--seed/--meshes');
  if (generated && values.clusters === undefined) throw new Error('--clusters is required for a generated fleet');
  const scenario = values.scenario ?? 'healthy';
  if (!scenarioNames().includes(scenario)) throw new Error(`--scenario: unknown scenario "${scenario}" (known: ${scenarioNames().join(', ')})`);
  const prometheus = values.prometheus ?? 'none';
  if (prometheus !== 'none' && prometheus !== 'per-cluster' && prometheus !== 'global') throw new Error(`--prometheus must be none, per-cluster or global (got "${prometheus}")`);
  const clusterLabel = values['cluster-label'] ?? 'cluster';
  if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(clusterLabel)) throw new Error(`--cluster-label must be a Prometheus label name (got "${clusterLabel}")`);
  const fleet: CliOptions['fleet'] = generated
    ? {
        clusters: int('clusters', values.clusters, 3),
        namespaces: int('namespaces', values.namespaces, 4),
        services: int('services', values.services, 20),
        pods: int('pods', values.pods, 2),
        seed: int('seed', values.seed, 1),
        meshes: int('meshes', values.meshes, 1),
      }
    : 'demo';
  return { fleet, scenario, ...(values['kubeconfig-out'] ? { kubeconfigOut: values['kubeconfig-out'] } : {}), prometheus, clusterLabel, help: values.help ?? false };
}
