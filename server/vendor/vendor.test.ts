import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { vendorPath } from './vendor-path';

interface Source { repository: string; ref: string; commit: string; date: string; files: Record<string, string> }

const folders = readdirSync(vendorPath()).filter((f) => !f.startsWith('.') && statSync(vendorPath(f)).isDirectory());

/** Every file under a folder, relative to it. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? walk(path.join(dir, f), `${prefix}${f}/`) : [`${prefix}${f}`]));
}

describe('server/vendor', () => {
  it('holds istio, istio-api, gateway-api and admiral', () => {
    expect(folders.sort()).toEqual(['admiral', 'gateway-api', 'istio', 'istio-api']);
  });

  it.each(folders)('%s names its origin, carries its LICENSE and exactly the files SOURCE lists', (folder) => {
    const source = parse(readFileSync(vendorPath(folder, 'SOURCE'), 'utf8')) as Source;
    expect(source.repository).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(source.ref).not.toBe('');
    expect(readFileSync(vendorPath(folder, 'LICENSE'), 'utf8')).toMatch(/Apache License/);
    const listed = Object.keys(source.files).sort();
    expect(walk(vendorPath(folder)).filter((f) => f !== 'SOURCE' && f !== 'LICENSE').sort()).toEqual(listed);
    for (const f of listed) expect(statSync(vendorPath(folder, f)).size, f).toBeGreaterThan(0);
  });

  it('has the Gateway API standard-channel kinds Istio serves', () => {
    const kinds = readdirSync(vendorPath('gateway-api', 'crds')).map((f) => (parse(readFileSync(vendorPath('gateway-api', 'crds', f), 'utf8')) as { spec: { names: { kind: string } } }).spec.names.kind);
    expect(kinds.sort()).toEqual(['GRPCRoute', 'Gateway', 'GatewayClass', 'HTTPRoute', 'ReferenceGrant']);
  });

  it('leaves no half-written refresh behind', () => {
    expect(readdirSync(vendorPath()).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(existsSync(vendorPath('refresh.sh'))).toBe(true);
  });
});
