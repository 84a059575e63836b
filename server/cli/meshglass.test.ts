import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/analysis/types';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const fixture = (...p: string[]) => path.join(here, '__fixtures__', ...p);
const samples = path.resolve(root, 'server/vendor/istio/samples');

/** Runs the real CLI as a child process, as a user would (through the bin shim). */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [path.join(here, 'meshglass.mjs'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('meshglass analyze (child process)', () => {
  it('runs every case with the documented exit codes', async () => {
    const [bookinfo, withPods, clean, bad, multi, usage, schema] = await Promise.all([
      cli('analyze', '-f', path.join(samples, 'bookinfo'), '-f', path.join(samples, 'sleep.yaml')),
      cli('analyze', '-f', path.join(samples, 'bookinfo'), '--pods-from-workloads', '--no-default-resources'),
      cli('analyze', '-f', fixture('clean.yaml')),
      cli('analyze', '-f', fixture('clean.yaml'), '-f', fixture('bad.yaml')),
      cli('analyze', '--cluster', `east=${fixture('east')}`, '--cluster', `west=${fixture('west')}`, '-o', 'json'),
      cli('analyze', '--bogus'),
      cli('analyze', '-f', fixture('invalid-schema.yaml')),
    ]);

    // Bookinfo read in place, as istioctl reads it: Deployments are no pods, so no
    // subset selects one; the stand-in ingress gateway has no port 8080.
    expect(bookinfo.code).toBe(3);
    const subsetLines = (out: string) => out.split('\n').filter((l) => l.includes('[IST0173]'));
    expect(subsetLines(bookinfo.stdout)).toHaveLength(9);
    expect(bookinfo.stdout).toMatch(/^Warning \[IST0162\] \(Gateway default\/bookinfo-gateway\) The gateway is listening on a target port \(port 8080\)/m);
    // With the Deployments' pods and no stand-in, only ratings' MySQL subsets select nothing, and nothing runs the gateway.
    expect(subsetLines(withPods.stdout).map((l) => l.match(/Subset (\S+)/)![1])).toEqual(['v2-mysql', 'v2-mysql-vm']);
    expect(withPods.stdout).toMatch(/^Error \[IST0101\] \(Gateway default\/bookinfo-gateway\) Referenced selector not found: "istio=ingressgateway"$/m);

    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout).toContain('No validation issues found');

    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${fixture('bad.yaml')}:8:`);
    expect(bad.stdout).toBe('');

    expect(multi.code).toBe(3);
    const findings = JSON.parse(multi.stdout) as Finding[];
    expect(findings.map((f) => f.code).sort()).toEqual(['IST0170', 'MG0005', 'MG0005', 'MG0015']);
    expect(findings.find((f) => f.code === 'IST0170')).toMatchObject({ level: 'Warning', clusters: ['east', 'west'] });

    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('unknown flag --bogus');

    expect(schema.code).toBe(3);
    expect(schema.stdout).toContain('Error [IST0106] (DestinationRule shop/web) Schema validation error: spec.subsetz: unknown field');
  }, 60_000);
});
