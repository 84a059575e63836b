import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, loadManifests, loadYamlObject } from './manifest-loader';

const dir = mkdtempSync(path.join(os.tmpdir(), 'manifest-loader-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadManifests', () => {
  it('reads JSON objects and Lists with the JSON parser, YAML documents with the YAML parser', () => {
    const list = file('list.json', JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'Service', metadata: { name: 'a' } }, { kind: 'Pod', metadata: { name: 'b' } }] }));
    const one = file('one.json', '{"kind": "Namespace", "metadata": {"name": "shop"}}');
    const yaml = file('two.yaml', 'kind: Service\nmetadata: {name: c}\n---\nkind: Service\nmetadata: {name: d}\n');
    expect(loadManifests([list, one, yaml]).map((o) => (o as { metadata: { name: string } }).metadata.name)).toEqual(['a', 'b', 'shop', 'c', 'd']);
  });

  it('names the file of broken JSON, and reads YAML saved as .json', () => {
    expect(() => loadManifests([file('bad.json', '{"kind": "Service",')])).toThrow(new RegExp(`bad\\.json: invalid JSON`));
    expect(loadManifests([file('yaml.json', 'kind: Service\nmetadata: {name: e}\n')])).toHaveLength(1);
  });

  it('wants one mapping in a mesh config file', () => {
    expect(loadYamlObject(file('mesh.yaml', 'ingressService: my-ingress\n'), 'mesh config')).toEqual({ ingressService: 'my-ingress' });
    expect(() => loadYamlObject(file('list.yaml', '- a\n'), 'mesh config')).toThrow(InputError);
    expect(() => loadYamlObject(path.join(dir, 'absent.yaml'), 'mesh config')).toThrow(/cannot read mesh config/);
  });
});
