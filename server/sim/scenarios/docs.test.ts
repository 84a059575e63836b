import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from './registry';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/simulator.md', import.meta.url)), 'utf8');

describe('docs/simulator.md', () => {
  it("documents every scenario with the text the code carries", () => {
    for (const s of SCENARIOS) {
      expect(doc, s.name).toContain(`### ${s.name}`);
      expect(doc, s.name).toContain(s.doc);
    }
  });
});
