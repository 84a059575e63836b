import { describe, expect, it } from 'vitest';
import { storableJson, storableText } from './sql-text';

describe('text PostgreSQL can store', () => {
  it('drops NUL and replaces unpaired surrogates, keeping pairs', () => {
    expect(storableText('a\u0000b')).toBe('ab');
    expect(storableText('x\ud800y\udc00z')).toBe('x\ufffdy\ufffdz');
    expect(storableText('emoji 😀 → ok')).toBe('emoji 😀 → ok');
  });

  it('cleans every key and string inside JSON', () => {
    expect(JSON.parse(storableJson([{ 'pa\u0000th': 'v\u0000', n: 1, deep: { a: ['\ud83d'] } }]))).toEqual([{ path: 'v', n: 1, deep: { a: ['\ufffd'] } }]);
    expect(storableJson(undefined)).toBe('null');
  });
});
