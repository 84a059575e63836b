import { describe, expect, it } from 'vitest';
import { daysUntil, formatAge, formatMs, formatPercent, formatRate, plural, shortFingerprint, shortVersion } from './format';

describe('format', () => {
  it('formats rates without losing small values', () => {
    expect(formatRate(undefined)).toBe('—');
    expect(formatRate(0)).toBe('0/s');
    expect(formatRate(0.004)).toBe('<0.01/s');
    expect(formatRate(0.3)).toBe('0.30/s');
    expect(formatRate(11.43)).toBe('11.4/s');
    expect(formatRate(2500)).toBe('2.5k/s');
  });

  it('formats percentages; tiny errors never read as zero', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.02)).toBe('<0.1%');
    expect(formatPercent(0.2)).toBe('0.2%');
    expect(formatPercent(5)).toBe('5%');
    expect(formatPercent(100)).toBe('100%');
  });

  it('formats latency in ms then seconds', () => {
    expect(formatMs(4)).toBe('4 ms');
    expect(formatMs(4.25)).toBe('4.3 ms');
    expect(formatMs(120.4)).toBe('120 ms');
    expect(formatMs(1250)).toBe('1.3 s');
    expect(formatMs(Number.NaN)).toBe('—');
  });

  it('formats ages', () => {
    expect(formatAge(0)).toBe('just now');
    expect(formatAge(12.7)).toBe('12 s');
    expect(formatAge(300)).toBe('5 min');
    expect(formatAge(7200)).toBe('2 h');
    expect(formatAge(3 * 86_400)).toBe('3 d');
    expect(formatAge(-1)).toBe('—');
  });

  it('cuts Istio build strings to the release', () => {
    expect(shortVersion('1.23.2-82504650a4002508d8a269a84b670ea95e485d34-go1.22.7-Clean-1.23.2')).toBe('1.23.2');
    expect(shortVersion('1.24.0-beta.1-abc')).toBe('1.24.0-beta.1');
    expect(shortVersion('custom')).toBe('custom');
    expect(shortVersion(undefined)).toBe('—');
  });

  it('counts, days and fingerprints', () => {
    expect(plural(1, 'cluster')).toBe('1 cluster');
    expect(plural(50000, 'service')).toBe('50,000 services');
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(daysUntil('2026-01-31T00:00:00Z', now)).toBe(30);
    expect(daysUntil('2025-12-31T00:00:00Z', now)).toBe(-1);
    expect(daysUntil('nope', now)).toBeUndefined();
    expect(shortFingerprint('4A:B7:39:57:88:7A:E0:32:EA:2A:C2:5E:FB:49:A5:B3')).toBe('4A:B7:39…49:A5:B3');
  });
});
