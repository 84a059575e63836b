// Runs every suite in order and prints one closing line totalling all of them:
// "N passed, N failed, N skipped". Exits non-zero when anything failed.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const reports = path.resolve('.meshglass/reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/** Runs a command with inherited output; resolves with its exit code. */
function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(127));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const checkStep = (cmd, args) => async () => {
  const code = await run(cmd, args);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
};

const vitestStep = (project) => async () => {
  const out = path.join(reports, `${project}.json`);
  const code = await run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, '--passWithNoTests']);
  const r = readJson(out);
  if (!r) return { passed: 0, failed: 1, skipped: 0, note: `exit ${code}, no report` };
  const counts = { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) };
  // A suite file that fails to load counts no test; still a failure.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
};

const playwrightStep = async () => {
  const out = path.join(reports, 'e2e.json');
  const code = await run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const r = readJson(out);
  if (!r) return { passed: 0, failed: 1, skipped: 0, note: `exit ${code}, no report` };
  const s = r.stats;
  const counts = { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
};

const steps = [
  ['typecheck', checkStep('npx', ['tsc', '--noEmit', '-p', '.'])],
  ['lint', checkStep('npm', ['run', '--silent', 'lint'])],
  ['unit', vitestStep('unit')],
  ['integration', vitestStep('integration')],
  ['build', checkStep('npx', ['next', 'build'])],
  ['e2e', playwrightStep],
  // S-size benchmark as a smoke check: passes when it runs through; no timed assertion.
  ['bench-smoke', checkStep('npx', ['tsx', 'server/bench/run.ts', '--smoke'])],
];

const total = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
for (const [name, step] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  // e2e needs the build; skip it (counted as failed) when the build failed.
  const buildFailed = rows.find((r) => r.name === 'build' && r.failed > 0);
  const result = name === 'e2e' && buildFailed ? { passed: 0, failed: 1, skipped: 0, note: 'not run: build failed' } : await step();
  rows.push({ name, ...result, seconds: Math.round((Date.now() - started) / 1000) });
  for (const k of Object.keys(total)) total[k] += result[k];
}

console.log('\n=== summary ===');
for (const r of rows) {
  console.log(`${r.name.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${String(r.skipped).padStart(3)} skipped  ${r.seconds}s${r.note ? `  (${r.note})` : ''}`);
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
