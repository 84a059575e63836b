import { describe, expect, it } from 'vitest';
import { addRate, classifyResponse, emptyRates } from './response-class';

describe('classifyResponse', () => {
  it('sorts HTTP codes', () => {
    expect(classifyResponse('http', '200', '-')).toBe('ok');
    expect(classifyResponse('http', '503', '-')).toBe('http5xx');
    expect(classifyResponse('http', '404', '-')).toBe('http4xx');
  });
  it('judges gRPC by its status, not the HTTP code', () => {
    expect(classifyResponse('grpc', '200', '14')).toBe('grpc');
    expect(classifyResponse('grpc', '200', '0')).toBe('ok');
  });
  it('treats code 0 and - as no response', () => {
    expect(classifyResponse('http', '0', '-')).toBe('noResponse');
    expect(classifyResponse('tcp', '-', undefined)).toBe('noResponse');
  });
  it('accumulates rates per class', () => {
    const r = emptyRates();
    addRate(r, 'ok', 9);
    addRate(r, 'http5xx', 1);
    expect(r).toEqual({ total: 10, http5xx: 1, http4xx: 0, grpc: 0, noResponse: 0 });
  });
});
