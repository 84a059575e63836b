import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISTIO_ANNOTATIONS } from './annotation-catalogue';
// @ts-expect-error: a plain Node script, without types
import { catalogueFromYaml } from './gen-annotations.mjs';

describe('the annotation catalogue', () => {
  it('equals istio/api\'s annotations.yaml (regenerate with node lib/analysis/rules/istio/meta/gen-annotations.mjs)', () => {
    const yaml = readFileSync(path.resolve(__dirname, '../../../../../server/vendor/istio-api/annotations.yaml'), 'utf8');
    expect(ISTIO_ANNOTATIONS).toEqual(catalogueFromYaml(yaml));
  });
});
