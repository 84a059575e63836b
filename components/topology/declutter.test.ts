import { describe, expect, it } from 'vitest';
import { declutter, type LabelRect } from './declutter';

const rect = (id: string, x: number, y: number, priority = 0, w = 10, h = 4, always = false): LabelRect => ({ id, x1: x, y1: y, x2: x + w, y2: y + h, priority, always });

describe('declutter', () => {
  it('keeps labels that do not touch', () => {
    expect([...declutter([rect('a', 0, 0), rect('b', 20, 0), rect('c', 0, 10)])].sort()).toEqual(['a', 'b', 'c']);
  });

  it('drops the lower-priority one of two that overlap', () => {
    expect([...declutter([rect('low', 0, 0, 1), rect('high', 5, 2, 9)])]).toEqual(['high']);
  });

  it('keeps every always label, and they hide what they cover', () => {
    const kept = declutter([rect('box1', 0, 0, 0, 30, 4, true), rect('box2', 10, 1, 0, 30, 4, true), rect('node', 12, 2, 100)]);
    expect([...kept].sort()).toEqual(['box1', 'box2']);
  });

  it('lets rectangles of one group touch', () => {
    const body = { ...rect('body', 0, 0, 0, 10, 4, true), group: 'n' };
    expect([...declutter([body, { ...rect('label', 2, 3), group: 'n' }])].sort()).toEqual(['body', 'label']);
    expect([...declutter([body, rect('other', 2, 3)])]).toEqual(['body']);
  });

  it('counts the gap as part of a label', () => {
    expect(declutter([rect('a', 0, 0, 1), rect('b', 11, 0)], 0).size).toBe(2);
    expect(declutter([rect('a', 0, 0, 1), rect('b', 11, 0)], 2).size).toBe(1);
  });

  it('finds overlaps across grid cells, whatever the sizes', () => {
    const labels = [rect('wide', 0, 0, 5, 400, 4), ...Array.from({ length: 50 }, (_, i) => rect(`n${i}`, i * 8, 2, 1, 6, 4))];
    expect([...declutter(labels)]).toEqual(['wide']);
  });

  it('is the same whatever order the labels come in', () => {
    const labels = Array.from({ length: 40 }, (_, i) => rect(`n${i}`, (i * 7) % 50, (i * 3) % 11, i % 4));
    expect([...declutter([...labels].reverse())].sort()).toEqual([...declutter(labels)].sort());
  });
});
