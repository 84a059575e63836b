import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '@/lib/analysis/rules/registry';
import { analyzerList } from './analyze-command';
import { istioCases, analyzerOf, runIstioCase, sameObject } from './istio-parity';
import { codeRows, codeTableMarkdown, TABLE_END, TABLE_START } from './parity/code-table';
import { PARITY_AREAS } from './parity/index';
import { parityReport } from './parity/parity-report';

const report = parityReport();

describe("parity with Istio's analyzer test cases", () => {
  it('assigns every analyzer of the table to exactly one area', () => {
    const owners = new Map<string, string[]>();
    for (const [name, area] of Object.entries(PARITY_AREAS)) for (const a of area.analyzers) owners.set(a, [...(owners.get(a) ?? []), name]);
    for (const c of istioCases()) expect(owners.get(analyzerOf(c)), analyzerOf(c)).toHaveLength(1);
    // A rule that says it mirrors an Istio analyzer names one an area owns (or IST0106's schema check).
    for (const r of RULES) if (r.analyzer && r.analyzer !== 'schema.ValidationAnalyzer') expect(owners.has(r.analyzer), r.analyzer).toBe(true);
  });

  it.each(report.results.map((r) => [r.id, r] as const))('%s', (id, r) => {
    const why = report.recorded.get(id);
    // On disagreement the diff shows Meshglass's findings against Istio's.
    if (why === undefined) expect(r.agree ? r.expected : r.got, 'Meshglass differs from Istio').toEqual(r.expected);
    else expect(r.agree, `recorded as an exception (${why}) but Meshglass now agrees: drop the exception`).toBe(false);
  });

  // meshglass analyze runs every rule at once: a case's findings are still all there, none lost to another rule.
  it.each(report.results.filter((r) => !r.c.skipAll && r.expected.length > 0).map((r) => [r.id, r.c] as const))('every rule at once still finds %s', (_id, c) => {
    const { expected, got } = runIstioCase(c, true);
    expect(expected.filter((e) => !got.some((g) => sameObject(e, g)))).toEqual([]);
  });

  it('lists every analyzer of the table in --list-analyzers', () => {
    const listed = analyzerList();
    for (const c of istioCases()) expect(listed, analyzerOf(c)).toContain(`  ${analyzerOf(c)}: `);
    expect(listed).toMatch(/^ {2}MG0001 SplitTrustRoot$/m);
  });

  it('records exceptions only for cases that exist', () => {
    const ids = new Set(report.results.map((r) => r.id));
    expect([...report.recorded.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('the IST code table', () => {
  it('gives every code of the catalogue that is not implemented a reason', () => {
    expect(codeRows().filter((r) => !r.implemented && !r.reason).map((r) => r.code)).toEqual([]);
  });

  it('is up to date in docs/analysis.md (npx tsx server/cli/analysis-codes.ts)', () => {
    const doc = readFileSync(path.resolve(__dirname, '../../docs/analysis.md'), 'utf8');
    const table = codeTableMarkdown(report.exceptions, report.agreeing, report.results.length);
    expect(doc).toContain(`${TABLE_START}\n${table}\n${TABLE_END}`);
  });
});
