/**
 * Runs Istio's own analyzer test cases (vendored: input files and the
 * messages Istio's analyzers give for them) through Meshglass's file
 * analysis, one Istio analyzer at a time as Istio's table does, and says
 * where the two disagree. Plain Node: tests and the docs table use it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '@/lib/analysis/types';
import { analyzeFiles } from './analyze-command';
import type { AnalyzeArgs } from './args';
import { vendorPath } from '../vendor/vendor-path';

/** One row of Istio's analyzer test table. */
export interface IstioCase {
  name: string;
  /** Istio's Go expression for the analyzer ('virtualservice.GatewayAnalyzer'). */
  analyzer: string;
  inputFiles?: string[];
  /** Multi-cluster cases: files per cluster. */
  clusters?: Record<string, string[]>;
  meshConfigFile?: string;
  meshNetworksFile?: string;
  expected: Array<{ code: string; message: string; origin: string }>;
  /** Not registered in istioctl analyze's set (All()). */
  skipAll?: boolean;
}

/** The vendored table. */
export function istioCases(): IstioCase[] {
  return JSON.parse(readFileSync(vendorPath('istio', 'analyzer-cases.json'), 'utf8')) as IstioCase[];
}

/** The analyzer's metadata name as Meshglass's rules record it. */
export function analyzerOf(c: IstioCase): string {
  const collection = c.analyzer.match(/^schemaValidation\.CollectionValidationAnalyzer\(collections\.(\w+)\)$/);
  return collection ? `schema.ValidationAnalyzer.${collection[1]}` : c.analyzer;
}

/** A name for the case that is unique in the table: its name and input files. */
export function caseId(c: IstioCase): string {
  const files = c.inputFiles ?? Object.values(c.clusters ?? {}).flat();
  return `${c.name} [${files.map((f) => path.basename(f)).join(', ')}]`;
}

const testdata = (f: string) => vendorPath('istio', 'analyzer-testdata', f.replace(/^testdata\//, ''));

/** 'IST0101 VirtualService default/reviews': what a finding is, for comparison with Istio's origin. */
function describe(f: Finding): string {
  const o = f.objects[0];
  if (!o) return `${f.code} -`;
  return `${f.code} ${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}

/** Istio names an object without a namespace as 'Kind name'; such files put it in Meshglass's default namespace. */
export function sameObject(expected: string, got: string): boolean {
  if (expected === got) return true;
  const [code, kind, ref] = expected.split(' ');
  return !ref?.includes('/') && got === `${code} ${kind} default/${ref}`;
}

/**
 * What Istio expects and what Meshglass gives for one case, both sorted, and
 * whether they agree (as multisets). `allRules` runs every rule, as
 * `meshglass analyze` does, instead of the case's analyzer alone.
 */
export function runIstioCase(c: IstioCase, allRules = false): { expected: string[]; got: string[]; agree: boolean } {
  const args: AnalyzeArgs = {
    files: (c.inputFiles ?? []).map(testdata),
    clusters: new Map(Object.entries(c.clusters ?? {}).map(([name, files]) => [name, files.map(testdata)])),
    output: 'text',
    meshConfigFile: c.meshConfigFile && testdata(c.meshConfigFile),
    meshNetworksFile: c.meshNetworksFile && testdata(c.meshNetworksFile),
    noDefaultResources: false,
    podsFromWorkloads: false,
    configOnly: false,
    listAnalyzers: false,
    help: false,
  };
  const { findings } = analyzeFiles(args, allRules ? {} : { analyzers: new Set([analyzerOf(c)]) });
  const expected = c.expected.map((e) => `${e.code} ${e.origin}`).sort();
  const got = findings.map(describe).sort();
  const left = [...got];
  const agree = expected.length === got.length && expected.every((e) => {
    const at = left.findIndex((g) => sameObject(e, g));
    if (at < 0) return false;
    left.splice(at, 1);
    return true;
  });
  return { expected, got, agree };
}
