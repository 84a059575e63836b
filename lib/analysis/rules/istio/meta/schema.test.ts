import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkSchemas } from './schema';

const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: r, namespace: default}
spec: {hosts: [reviews]}
`;

describe('checkSchemas', () => {
  it('fires IST0106 with the validator\'s message', () => {
    const fs = checkSchemas(ctxOf([clusterOf('c', vs)], { validateSchema: () => ['spec.http: bad'] }));
    expect(messages(fs)).toEqual(['IST0106 Schema validation error: spec.http: bad']);
  });

  it('is quiet for valid objects and when no validator is given', () => {
    expect(checkSchemas(ctxOf([clusterOf('c', vs)], { validateSchema: () => [] }))).toEqual([]);
    expect(checkSchemas(ctxOf([clusterOf('c', vs)]))).toEqual([]);
  });
});
