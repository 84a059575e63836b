import { describe, expect, it } from 'vitest';
import { Refusal } from '@/server/errors/refusal';
import { decodeCursor, encodeCursor, isStoreId } from './change-cursor';

describe('change cursors', () => {
  it('round-trip ids and look opaque', () => {
    for (const id of ['1', '42', '9223372036854775807']) {
      const c = encodeCursor(id);
      expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(c).not.toContain(id);
      expect(decodeCursor(c)).toBe(id);
    }
  });

  it('refuse anything else as bad input', () => {
    for (const c of ['', '!!', 'MA', encodeCursor('9223372036854775808'), encodeCursor('-1'), encodeCursor('01'), `${encodeCursor('12')}=`, 'x'.repeat(40)]) {
      let err: unknown;
      try {
        decodeCursor(c);
      } catch (e) {
        err = e;
      }
      expect(err, c).toBeInstanceOf(Refusal);
      expect((err as Refusal).kind).toBe('bad_input');
      expect((err as Refusal).code).toBe('bad_cursor');
    }
  });

  it('knows a store id: positive and within bigint', () => {
    expect(isStoreId('1')).toBe(true);
    expect(isStoreId('9223372036854775807')).toBe(true);
    expect(isStoreId('9223372036854775808')).toBe(false);
    expect(isStoreId('0')).toBe(false);
    expect(isStoreId(' 1')).toBe(false);
  });
});
