import { describe, expect, it } from 'vitest';
import { chartGeometry, niceCeil } from './chart';

describe('niceCeil', () => {
  it('rounds up to 1, 2, 2.5, 5 or 10 times a power of ten', () => {
    expect(niceCeil(0)).toBe(1);
    expect(niceCeil(0.3)).toBe(0.5);
    expect(niceCeil(11.4)).toBe(20);
    expect(niceCeil(2.2)).toBe(2.5);
    expect(niceCeil(700)).toBe(1000);
  });
});

describe('chartGeometry', () => {
  it('scales points into the box with y growing down', () => {
    const g = chartGeometry([{ label: 'a', points: [[0, 0], [15, 5], [30, 10]] }], 300, 100, 15);
    expect(g.yMax).toBe(10);
    expect(g.paths[0]?.d).toBe('M0,100L150,50L300,0');
    expect(g.yTicks.map((t) => t.y)).toEqual([100, 50, 0]);
  });

  it('breaks the line over gaps and skips non-finite values', () => {
    const g = chartGeometry([{ label: 'a', points: [[0, 1], [15, 1], [90, 1], [105, Number.NaN], [120, 1]] }], 120, 10, 15);
    expect(g.paths[0]?.d.match(/M/g)).toHaveLength(3);
  });

  it('widens the x axis to reach a marked time after the last sample, and only with data', () => {
    const g = chartGeometry([{ label: 'a', points: [[0, 0], [30, 10]] }], 300, 100, 15, [60]);
    expect(g.xRange).toEqual([0, 60]);
    expect(g.paths[0]?.d).toBe('M0,100L150,0');
    expect(chartGeometry([], 300, 100, 15, [60]).xRange).toEqual([0, 1]);
  });

  it('handles no data', () => {
    const g = chartGeometry([], 100, 50, 15);
    expect(g.paths).toEqual([]);
    expect(g.yMax).toBe(1);
  });
});
