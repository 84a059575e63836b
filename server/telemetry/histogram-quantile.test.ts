import { describe, expect, it } from 'vitest';
import { bucketQuantile, parseLe } from './histogram-quantile';

const h = (pairs: Array<[number, number]>) => new Map(pairs);

describe('bucketQuantile', () => {
  it('interpolates inside the bucket like histogram_quantile', () => {
    // 100 req/s: 50 under 10 ms, 90 under 100 ms, all under 1000 ms.
    const b = h([[10, 50], [100, 90], [1000, 100], [Infinity, 100]]);
    expect(bucketQuantile(0.5, b)).toBe(10);
    expect(bucketQuantile(0.7, b)).toBeCloseTo(55);
    expect(bucketQuantile(0.95, b)).toBeCloseTo(550);
  });

  it('starts the first bucket at zero', () => {
    expect(bucketQuantile(0.5, h([[10, 100], [Infinity, 100]]))).toBe(5);
  });

  it('answers the last finite bound when the rank is in +Inf', () => {
    expect(bucketQuantile(0.99, h([[10, 50], [Infinity, 100]]))).toBe(10);
  });

  it('returns null with no data, no +Inf bucket, or NaN only', () => {
    expect(bucketQuantile(0.5, h([]))).toBeNull();
    expect(bucketQuantile(0.5, h([[10, 1]]))).toBeNull();
    expect(bucketQuantile(0.5, h([[10, 0], [Infinity, 0]]))).toBeNull();
    expect(bucketQuantile(0.5, h([[10, NaN], [Infinity, NaN]]))).toBeNull();
  });

  it('tolerates non-monotonic rates from scrape jitter', () => {
    expect(bucketQuantile(0.57, h([[10, 56], [100, 55], [1000, 100], [Infinity, 100]]))).toBeCloseTo(100 + 900 / 44);
  });

  it('parses le values', () => {
    expect(parseLe('+Inf')).toBe(Infinity);
    expect(parseLe('2.5')).toBe(2.5);
    expect(parseLe(undefined)).toBeNaN();
  });
});
