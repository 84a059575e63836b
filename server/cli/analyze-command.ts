/**
 * `meshglass analyze`: reads manifests per cluster, runs every rule, prints
 * findings. Plain Node (no 'server-only', no fleet runtime): it runs offline.
 */
import { X509Certificate, createHash } from 'node:crypto';
import { analyze, hasProblems } from '@/lib/analysis/analyze';
import { formatFinding } from '@/lib/analysis/format';
import { ISTIO_MESSAGES } from '@/lib/analysis/istio-messages';
import { MESH_RULES } from '@/lib/analysis/mesh-rules';
import { RULES } from '@/lib/analysis/rules/registry';
import { clusterFromManifests, type CertSummary } from '@/lib/analysis/from-manifests';
import type { AnalysisOptions, ClusterView, Finding } from '@/lib/analysis/types';
import { InputError, loadManifests, loadYamlObject } from '../analysis/manifest-loader';
import { loadCrdValidator } from '../analysis/schema-validation';
import { parseAnalyzeArgs, USAGE, UsageError, type AnalyzeArgs } from './args';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, usage: 1, input: 2, findings: 3 } as const;

/** The cluster name of plain -f inputs. */
export const DEFAULT_CLUSTER = 'local';

/** What a run printed and how it ended (tests call this directly too). */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

const certSummary: CertSummary = (pem) => {
  const cert = new X509Certificate(pem);
  const hex = createHash('sha256').update(cert.raw).digest('hex').toUpperCase();
  return { fingerprint: hex.match(/../g)!.join(':'), notAfter: new Date(cert.validTo).toISOString(), notBefore: new Date(cert.validFrom).toISOString() };
};

const SCHEMA_ANALYZER = 'schema.ValidationAnalyzer';

/** Compiled CRD validators by file: one process (the parity tests) analyses many file sets with the same CRDs. */
const validators = new Map<string, ReturnType<typeof loadCrdValidator>>();
function crdValidator(file: string | undefined): ReturnType<typeof loadCrdValidator> {
  const key = file ?? '';
  let v = validators.get(key);
  if (!v) validators.set(key, (v = loadCrdValidator(file)));
  return v;
}

/** What an analysis of files found, and what it has to say on stderr. */
export interface FileAnalysis {
  clusters: ClusterView[];
  findings: Finding[];
  stderr: string;
}

/**
 * Analyses the files the arguments name (throws InputError for unreadable
 * input); `extra` narrows the run (the parity tests pick one analyzer).
 */
export function analyzeFiles(args: AnalyzeArgs, extra: AnalysisOptions = {}): FileAnalysis {
  const inputs = new Map(args.clusters);
  if (args.files.length) inputs.set(DEFAULT_CLUSTER, [...(inputs.get(DEFAULT_CLUSTER) ?? []), ...args.files]);
  const meshConfig = args.meshConfigFile ? loadYamlObject(args.meshConfigFile, 'mesh config') : undefined;
  const meshNetworks = args.meshNetworksFile ? loadYamlObject(args.meshNetworksFile, 'mesh networks') : undefined;
  const clusters: ClusterView[] = [];
  for (const [name, paths] of inputs) {
    clusters.push(clusterFromManifests(name, loadManifests(paths), {
      certSummary, meshConfig, meshNetworks, defaultResources: !args.noDefaultResources, podsFromWorkloads: args.podsFromWorkloads, configOnly: args.configOnly,
    }));
  }
  // Offline, every cluster given is one mesh unless its mesh config says otherwise.
  for (const c of clusters) c.mesh ??= 'mesh';
  let stderr = '';
  // IST0106 compiles the CRD schemas: only when it is to run.
  const { validator, problem } = !extra.analyzers || extra.analyzers.has(SCHEMA_ANALYZER) ? crdValidator(args.crds) : { validator: undefined, problem: undefined };
  if (problem) stderr += `meshglass analyze: ${problem}\n`;
  return { clusters, findings: analyze(clusters, { validateSchema: validator?.validate, ...extra }), stderr };
}

/** One line per Istio analyzer (Istio's name, its codes) and per Meshglass rule code. */
export function analyzerList(): string {
  const istio = new Map<string, Set<string>>();
  for (const r of RULES) if (r.analyzer) for (const c of r.codes) istio.set(r.analyzer, (istio.get(r.analyzer) ?? new Set()).add(c));
  const name = (c: string) => (c in ISTIO_MESSAGES ? ISTIO_MESSAGES[c as keyof typeof ISTIO_MESSAGES].name : MESH_RULES[c as keyof typeof MESH_RULES]?.name ?? '');
  const lines = [...istio].sort(([a], [b]) => a.localeCompare(b)).map(([a, codes]) => `${a}: ${[...codes].sort().map((c) => `${c} ${name(c)}`).join(', ')}`);
  const mesh = RULES.filter((r) => !r.analyzer).flatMap((r) => r.codes).sort().map((c) => `${c} ${name(c)}`);
  return `Istio's analyzers (${istio.size}):\n${lines.map((l) => `  ${l}`).join('\n')}\nMeshglass's multi-cluster rules (${mesh.length}):\n${mesh.map((l) => `  ${l}`).join('\n')}\n`;
}

/** Runs `analyze` with its arguments. */
export function runAnalyze(argv: string[]): CommandResult {
  let args;
  try {
    args = parseAnalyzeArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) return { code: EXIT.usage, stdout: '', stderr: `meshglass analyze: ${err.message}\n\n${USAGE}\n` };
    throw err;
  }
  if (args.help) return { code: EXIT.ok, stdout: `${USAGE}\n`, stderr: '' };
  if (args.listAnalyzers) return { code: EXIT.ok, stdout: analyzerList(), stderr: '' };
  let result: FileAnalysis;
  try {
    result = analyzeFiles(args);
  } catch (err) {
    if (err instanceof InputError) return { code: EXIT.input, stdout: '', stderr: `meshglass analyze: ${err.message}\n` };
    throw err;
  }
  const { clusters, findings, stderr } = result;
  const many = clusters.length > 1;
  const stdout = args.output === 'json'
    ? `${JSON.stringify(findings, null, 2)}\n`
    : findings.length
      ? `${findings.map((f) => formatFinding(f, many)).join('\n')}\n`
      : `\u2714 No validation issues found when analyzing ${clusters.map((c) => c.name).join(', ')}.\n`;
  return { code: hasProblems(findings) ? EXIT.findings : EXIT.ok, stdout, stderr };
}
