import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { structuralToJsonSchema } from './structural-schema';

const crdSchema = {
  type: 'object',
  description: 'a port',
  properties: {
    description: { type: 'string', description: 'a field named description' },
    port: { 'x-kubernetes-int-or-string': true, type: 'string' },
    labels: { type: 'object', nullable: true, additionalProperties: { type: 'string' } },
    free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } },
  },
  'x-kubernetes-validations': [{ rule: 'self.port != 0' }],
};

const check = (value: unknown, rejectUnknownFields: boolean) => new Ajv({ strict: false }).compile(structuralToJsonSchema(crdSchema, { rejectUnknownFields }) as object)(value);

describe('structuralToJsonSchema', () => {
  it('accepts int-or-string, nullable and a field called description; drops CEL and descriptions', () => {
    const out = structuralToJsonSchema(crdSchema) as Record<string, unknown>;
    expect(out.description).toBeUndefined();
    expect(out['x-kubernetes-validations']).toBeUndefined();
    expect(Object.keys(out.properties as object)).toContain('description');
    for (const port of [8080, 'http']) expect(check({ port, labels: null, description: 'x' }, true)).toBe(true);
    expect(check({ port: true }, true)).toBe(false);
  });

  it('rejects unknown fields only when asked, and never under preserve-unknown-fields', () => {
    expect(check({ bogus: 1 }, false)).toBe(true);
    expect(check({ bogus: 1 }, true)).toBe(false);
    expect(check({ free: { anything: 1 } }, true)).toBe(true);
  });
});
