import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../test-helpers';
import { checkVirtualServiceMatches } from './vs-matches';

const vs = (http: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: r, namespace: default}
spec:
  hosts: [reviews]
  http: ${http}
`;

describe('checkVirtualServiceMatches', () => {
  it('fires IST0130 after a catch-all and IST0131/IST0130 for duplicated matches', () => {
    expect(messages(checkVirtualServiceMatches(ctxOf([clusterOf('c', vs('[{route: [{destination: {host: a}}]}, {name: late, route: [{destination: {host: b}}]}]'))])))).toEqual([
      'IST0130 VirtualService rule "late" not used (only the last rule can have no matches).',
    ]);
    const dup = '[{match: [{uri: {prefix: /a}}], route: [{destination: {host: a}}]}, {match: [{name: again, uri: {prefix: /a}}], route: [{destination: {host: b}}]}]';
    expect(messages(checkVirtualServiceMatches(ctxOf([clusterOf('c', vs(dup))])))).toEqual([
      'IST0131 VirtualService rule #1 match "again" is not used (duplicate/overlapping match in rule #0).',
      'IST0130 VirtualService rule #1 not used (all matches used by prior rules).',
    ]);
  });

  it('is quiet for distinct matches followed by one catch-all', () => {
    const ok = '[{match: [{uri: {prefix: /a}}], route: [{destination: {host: a}}]}, {match: [{uri: {prefix: /b}}], route: [{destination: {host: b}}]}, {route: [{destination: {host: c}}]}]';
    expect(checkVirtualServiceMatches(ctxOf([clusterOf('c', vs(ok))]))).toEqual([]);
  });
});
