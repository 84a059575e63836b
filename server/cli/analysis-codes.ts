/**
 * Rewrites docs/analysis.md's table of IST codes and Istio test-case
 * exceptions from the code (the parity test fails while it is out of date):
 *   npx tsx server/cli/analysis-codes.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeTableMarkdown, TABLE_END, TABLE_START } from './parity/code-table';
import { parityReport } from './parity/parity-report';

const doc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/analysis.md');
const text = readFileSync(doc, 'utf8');
const from = text.indexOf(TABLE_START);
const to = text.indexOf(TABLE_END);
if (from < 0 || to < from) throw new Error(`${doc}: markers ${TABLE_START} ... ${TABLE_END} not found`);
const report = parityReport();
const table = codeTableMarkdown(report.exceptions, report.agreeing, report.results.length);
writeFileSync(doc, `${text.slice(0, from + TABLE_START.length)}\n${table}\n${text.slice(to)}`);
console.log(`docs/analysis.md: ${report.agreeing} of ${report.results.length} Istio cases agree`);
