import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
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

describe('checkVirtualServiceMatches on overlaps and catch-alls', () => {
  it('fires IST0131 when an earlier URI prefix covers a later one, and IST0130 for each match after a catch-all', () => {
    const overlap = '[{name: short, match: [{uri: {prefix: /api}}], route: [{destination: {host: a}}]}, {name: long, match: [{uri: {prefix: /api/v1}, method: {exact: GET}}], route: [{destination: {host: b}}]}]';
    expect(messages(checkVirtualServiceMatches(ctxOf([clusterOf('c', vs(overlap))])))).toEqual([
      'IST0131 VirtualService rule "long" match #0 of prefix /api/v1 is not used (duplicate/overlapping match in rule #0 of prefix /api on "short").',
    ]);
    const late = '[{route: [{destination: {host: a}}]}, {match: [{uri: {prefix: /a}}, {uri: {prefix: /b}}], route: [{destination: {host: b}}]}]';
    expect(messages(checkVirtualServiceMatches(ctxOf([clusterOf('c', vs(late))])))).toEqual([
      'IST0130 VirtualService rule #1 not used (route without matches defined before).',
      'IST0130 VirtualService rule #1 not used (route without matches defined before).',
    ]);
  });

  it('is quiet when the longer prefix comes first, or the methods differ', () => {
    const ordered = '[{match: [{uri: {prefix: /api/v1}}], route: [{destination: {host: b}}]}, {match: [{uri: {prefix: /api}}], route: [{destination: {host: a}}]}]';
    expect(checkVirtualServiceMatches(ctxOf([clusterOf('c', vs(ordered))]))).toEqual([]);
    const methods = '[{match: [{uri: {prefix: /api}, method: {exact: GET}}], route: [{destination: {host: a}}]}, {match: [{uri: {prefix: /api/v1}, method: {exact: POST}}], route: [{destination: {host: b}}]}]';
    expect(checkVirtualServiceMatches(ctxOf([clusterOf('c', vs(methods))]))).toEqual([]);
  });

  it('treats zero values as absent when comparing matches', () => {
    const dup = '[{match: [{uri: {prefix: /a}}], route: [{destination: {host: a}}]}, {match: [{uri: {prefix: /a}, ignoreUriCase: false, headers: {}}], route: [{destination: {host: b}}]}]';
    expect(messages(checkVirtualServiceMatches(ctxOf([clusterOf('c', vs(dup))]))).map((m) => m.slice(0, 7))).toEqual(['IST0131', 'IST0130']);
  });
});
