import { describe, expect, it } from 'vitest';
import type { ConfigObject } from '@/lib/analysis/types';
import { loadCrdValidator } from './schema-validation';

const dr = (spec: unknown): ConfigObject => ({ group: 'networking.istio.io', version: 'v1', kind: 'DestinationRule', namespace: 'd', name: 'x', labels: {}, annotations: {}, spec });

describe('CRD schema validation (IST0106)', () => {
  const { validator } = loadCrdValidator();

  it('accepts a valid spec and int-or-string ports', () => {
    expect(validator!.validate(dr({ host: 'r', subsets: [{ name: 'v1', labels: { version: 'v1' } }], trafficPolicy: { portLevelSettings: [{ port: { number: 80 } }] } }))).toEqual([]);
  });

  it('reports wrong types, unknown fields and bad enums with the field path', () => {
    expect(validator!.validate(dr({ host: 5, extra: true, trafficPolicy: { loadBalancer: { simple: 'FASTEST' } } }))).toEqual([
      'spec.extra: unknown field',
      'spec.host: must be string',
      expect.stringMatching(/^spec\.trafficPolicy\.loadBalancer\.simple: must be one of /),
    ]);
  });

  it('degrades with a clear message when the CRD file is missing', () => {
    expect(loadCrdValidator('/nonexistent/crds.yaml').problem).toContain('IST0106 (schema validation) skipped');
  });
});
