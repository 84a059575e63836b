import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the npm package', () => {
  // `meshglass analyze` defaults to the vendored CRD schemas: an installed copy must carry them.
  it('ships the CLI with the vendored CRDs, message catalogue and licenses', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, maxBuffer: 64 << 20 });
    const files = new Set((JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path));
    for (const f of [
      'server/cli/meshglass.mjs',
      'server/vendor/vendor-path.ts',
      'server/vendor/istio/crd-all.gen.yaml',
      'server/vendor/istio/analysis-messages.yaml',
      'server/vendor/istio/LICENSE',
      'server/vendor/istio/SOURCE',
      'server/vendor/gateway-api/crds/httproutes.yaml',
      'server/vendor/gateway-api/LICENSE',
      'server/vendor/admiral/LICENSE',
    ]) expect(files.has(f), f).toBe(true);
    expect([...files].filter((f) => f.startsWith('node_modules/') || f.startsWith('.meshglass/'))).toEqual([]);
  }, 60_000);
});
