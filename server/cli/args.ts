/** Argument parsing for `meshglass analyze` (no dependencies; errors are usage errors, exit 1). */

/** What `meshglass analyze` was asked to do. */
export interface AnalyzeArgs {
  /** Files or directories of the default cluster. */
  files: string[];
  /** Named clusters, each with its files or directories. */
  clusters: Map<string, string[]>;
  output: 'text' | 'json';
  crds?: string;
  /** A MeshConfig YAML file (istioctl's --meshConfigFile). */
  meshConfigFile?: string;
  /** A MeshNetworks YAML file (istioctl's --meshNetworksFile). */
  meshNetworksFile?: string;
  /** Leave out istioctl's stand-in ingress gateway pod and Service. */
  noDefaultResources: boolean;
  /** Workload controllers stand in for their pods. */
  podsFromWorkloads: boolean;
  /** Read only configuration kinds from the files, as istioctl --use-kube=false does. */
  configOnly: boolean;
  /** Print the analyzers and their codes instead of analysing. */
  listAnalyzers: boolean;
  help: boolean;
}

/** A command line that cannot be understood. */
export class UsageError extends Error {}

export const USAGE = `Usage: meshglass analyze [-f FILE|DIR]... [--cluster NAME=FILE|DIR]... [options]

Analyses Kubernetes and Istio manifests offline, as one or several clusters of
one mesh, with Istio's analyzers (IST codes) and Meshglass's multi-cluster
rules (MG codes).

  -f, --filename PATH      a manifest file or a directory of them (repeatable)
  --cluster NAME=PATH      manifests of cluster NAME (repeatable, also per path)
  -o, --output FORMAT      text (default) or json
  --crds PATH              Istio CRDs for schema validation (default: the vendored
                           Istio release's, see server/vendor/istio/SOURCE)
  --meshConfigFile PATH    mesh config (MeshConfig YAML) instead of the files' or
                           Istio's default
  --meshNetworksFile PATH  mesh networks (MeshNetworks YAML)
  --no-default-resources   do not assume istioctl's stand-in ingress gateway
                           (a pod and Service istio-ingressgateway in istio-system)
  --pods-from-workloads    let Deployments, StatefulSets, ... stand in for their
                           pods (istioctl reads only Pod objects)
  --config-only            read only configuration from the files, dropping
                           Services, Pods, Namespaces, Nodes and Secrets, as
                           istioctl analyze --use-kube=false does
  -L, --list-analyzers     list Istio's analyzers and Meshglass's rules, with codes
  -h, --help               this text

Exit codes: 0 nothing above Info, 3 warnings or errors found, 2 unreadable input, 1 usage.`;

/** Parses the arguments after 'analyze'. */
export function parseAnalyzeArgs(argv: string[]): AnalyzeArgs {
  const out: AnalyzeArgs = { files: [], clusters: new Map(), output: 'text', noDefaultResources: false, podsFromWorkloads: false, configOnly: false, listAnalyzers: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-f':
      case '--filename':
        out.files.push(value());
        break;
      case '--cluster': {
        const v = value();
        const at = v.indexOf('=');
        if (at <= 0 || at === v.length - 1) throw new UsageError(`--cluster wants NAME=PATH, got "${v}"`);
        const name = v.slice(0, at);
        out.clusters.set(name, [...(out.clusters.get(name) ?? []), v.slice(at + 1)]);
        break;
      }
      case '-o':
      case '--output': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`unknown output format "${v}" (text or json)`);
        out.output = v;
        break;
      }
      case '--crds':
        out.crds = value();
        break;
      case '--meshConfigFile':
      case '--mesh-config-file':
        out.meshConfigFile = value();
        break;
      case '--meshNetworksFile':
      case '--mesh-networks-file':
        out.meshNetworksFile = value();
        break;
      case '--no-default-resources':
        out.noDefaultResources = true;
        break;
      case '--pods-from-workloads':
        out.podsFromWorkloads = true;
        break;
      case '--config-only':
        out.configOnly = true;
        break;
      case '-L':
      case '--list-analyzers':
        out.listAnalyzers = true;
        break;
      case '-h':
      case '--help':
        out.help = true;
        break;
      default:
        throw new UsageError(a.startsWith('-') ? `unknown flag ${a}` : `unexpected argument "${a}" (use -f for files)`);
    }
  }
  if (!out.help && !out.listAnalyzers && out.files.length === 0 && out.clusters.size === 0) throw new UsageError('nothing to analyse: give -f PATH or --cluster NAME=PATH');
  return out;
}
