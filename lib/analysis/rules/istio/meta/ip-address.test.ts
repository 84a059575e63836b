import { describe, expect, it } from 'vitest';
import { isIPAddress } from './ip-address';

describe('isIPAddress', () => {
  it('tells IP addresses from names', () => {
    expect(['1.1.1.1', '::1', 'fd00::10', '::ffff:10.0.0.1'].every(isIPAddress)).toBe(true);
    expect(['test.com', '1.1.1', '01.1.1.1', ':::'].some(isIPAddress)).toBe(false);
  });
});
