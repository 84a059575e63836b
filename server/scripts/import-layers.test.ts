import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderOf, LAYERS, layerViolations } from './import-layers.mjs';

const root = path.resolve(import.meta.dirname, '../..');

describe('the import layering', () => {
  it('has no import from a folder to one above it or beside it', () => {
    expect(layerViolations(root)).toEqual([]);
  });

  it('places every server folder in a layer', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const folders = readdirSync(path.join(root, 'server')).filter((f) => statSync(path.join(root, 'server', f)).isDirectory()).map((f) => `server/${f}`).filter((f) => f !== 'server/testing');
    expect(folders.filter((f) => folderOf(`${f}/x.ts`) === undefined), 'add these folders to LAYERS').toEqual([]);
    expect(LAYERS.flat().length).toBe(new Set(LAYERS.flat()).size);
  });
});
