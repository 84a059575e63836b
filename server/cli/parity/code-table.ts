/**
 * The table of every IST code in docs/analysis.md, made from the rules and
 * the parity areas: implemented (by which of Meshglass's rules, mirroring
 * which Istio analyzer) or not, and why not; then the Istio test cases
 * Meshglass answers differently, and why.
 */
import { ISTIO_MESSAGES } from '@/lib/analysis/istio-messages';
import { RULES } from '@/lib/analysis/rules/registry';
import { NOT_ANALYZER_CODES, PARITY_AREAS } from './index';

export interface CodeRow {
  code: string;
  name: string;
  level: string;
  /** Istio analyzers Meshglass mirrors for this code. */
  analyzers: string[];
  implemented: boolean;
  /** Why not, when not implemented. */
  reason?: string;
}

/** One row per catalogue code, in code order. */
export function codeRows(): CodeRow[] {
  const unimplemented = new Map<string, string>(Object.entries(NOT_ANALYZER_CODES));
  for (const area of Object.values(PARITY_AREAS)) for (const [code, why] of Object.entries(area.unimplemented)) unimplemented.set(code, why);
  return Object.entries(ISTIO_MESSAGES).sort(([a], [b]) => a.localeCompare(b)).map(([code, m]) => {
    const rules = RULES.filter((r) => r.codes.includes(code));
    const analyzers = [...new Set(rules.map((r) => r.analyzer ?? 'Meshglass'))].sort();
    return { code, name: m.name, level: m.level, analyzers, implemented: rules.length > 0, ...(rules.length ? {} : { reason: unimplemented.get(code) }) };
  });
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The markdown that sits between the markers in docs/analysis.md. */
export function codeTableMarkdown(exceptions: Array<{ id: string; analyzer: string; reason: string }>, agreeing: number, total: number): string {
  const rows = codeRows();
  const lines = [
    `Of ${rows.length} codes in the vendored catalogue, ${rows.filter((r) => r.implemented).length} are implemented.`,
    '',
    '| code | name | level | Istio analyzer | in Meshglass |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.code} | ${r.name} | ${r.level} | ${r.analyzers.map((a) => `\`${a}\``).join(', ') || '-'} | ${r.implemented ? 'yes' : `no: ${cell(r.reason ?? '(no reason recorded)')}`} |`),
    '',
    `Istio's own analyzer test cases (\`server/vendor/istio/analyzer-cases.json\`): Meshglass gives the same codes on the same objects in ${agreeing} of ${total}. The others, and why:`,
    '',
    '| case | Istio analyzer | why Meshglass differs |',
    '|---|---|---|',
    ...exceptions.map((e) => `| ${cell(e.id)} | \`${e.analyzer}\` | ${cell(e.reason)} |`),
  ];
  return lines.join('\n');
}

export const TABLE_START = '<!-- istio-codes:start (made by `npx tsx server/cli/analysis-codes.ts`) -->';
export const TABLE_END = '<!-- istio-codes:end -->';
