import { describe, expect, it } from 'vitest';
import { codeReferenceUrl, findingsApiQuery, parseFindingsState, serialiseFindingsState } from './findings-url-state';

describe('findings URL state', () => {
  it('round-trips every filter and the page', () => {
    const s = parseFindingsState(new URLSearchParams('level=Warning&code=ist0101&cluster=us-east-1&namespace=shop&kind=VirtualService&page=3'));
    expect(s).toEqual({ level: 'Warning', code: 'IST0101', cluster: 'us-east-1', namespace: 'shop', kind: 'VirtualService', page: 3 });
    expect(serialiseFindingsState(s)).toBe('?level=Warning&code=IST0101&cluster=us-east-1&namespace=shop&kind=VirtualService&page=3');
    expect(findingsApiQuery(s)).toMatchObject({ code: 'IST0101', page: 3, pageSize: 50 });
  });

  it('drops what is malformed instead of failing the page', () => {
    expect(parseFindingsState({ level: 'Fatal', code: 'X1', page: '-2', cluster: ' ' })).toEqual({ level: undefined, code: undefined, cluster: undefined, namespace: undefined, kind: undefined, page: 1 });
    expect(serialiseFindingsState({ page: 1 })).toBe('');
  });

  it("links IST codes to Istio's reference, not Meshglass's own", () => {
    expect(codeReferenceUrl('IST0101')).toBe('https://istio.io/latest/docs/reference/config/analysis/ist0101/');
    expect(codeReferenceUrl('MG0001')).toBeUndefined();
  });
});
