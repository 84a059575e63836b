import { describe, expect, it } from 'vitest';
import { declutter, type LabelRect } from './declutter';

const ids = (m: Map<string, number>) => [...m.keys()].sort();

const rect = (id: string, x: number, y: number, priority = 0, w = 10, h = 4, always = false): LabelRect => ({ id, x1: x, y1: y, x2: x + w, y2: y + h, priority, always });

describe('declutter', () => {
  it('keeps labels that do not touch', () => {
    expect(ids(declutter([rect('a', 0, 0), rect('b', 20, 0), rect('c', 0, 10)]))).toEqual(['a', 'b', 'c']);
  });

  it('drops the lower-priority one of two that overlap', () => {
    expect(ids(declutter([rect('low', 0, 0, 1), rect('high', 5, 2, 9)]))).toEqual(['high']);
  });

  it('keeps every always label, and they hide what they cover', () => {
    const kept = declutter([rect('box1', 0, 0, 0, 30, 4, true), rect('box2', 10, 1, 0, 30, 4, true), rect('node', 12, 2, 100)]);
    expect(ids(kept)).toEqual(['box1', 'box2']);
  });

  it('lets rectangles of one group touch', () => {
    const body = { ...rect('body', 0, 0, 0, 10, 4, true), group: 'n' };
    expect(ids(declutter([body, { ...rect('label', 2, 3), group: 'n' }]))).toEqual(['body', 'label']);
    expect(ids(declutter([body, rect('other', 2, 3)]))).toEqual(['body']);
  });

  it('moves a label to its first free alternative, or leaves it out', () => {
    const above = { x1: 0, y1: -10, x2: 10, y2: -6 };
    const right = { x1: 12, y1: 0, x2: 22, y2: 4 };
    const blocker = rect('blocker', 0, 0, 9);
    expect(declutter([blocker, { ...rect('moved', 2, 1), alternatives: [above, right] }]).get('moved')).toBe(1);
    expect(declutter([blocker, rect('top', 0, -10, 8), { ...rect('moved', 2, 1), alternatives: [above, right] }]).get('moved')).toBe(2);
    expect(declutter([blocker, rect('top', 0, -10, 8), rect('side', 12, 0, 8), { ...rect('moved', 2, 1), alternatives: [above, right] }]).has('moved')).toBe(false);
    // The place taken is what later labels must clear.
    expect(declutter([blocker, { ...rect('moved', 2, 1, 5), alternatives: [above] }, rect('late', 1, -9, 1)]).has('late')).toBe(false);
  });

  it('counts the gap as part of a label', () => {
    expect(declutter([rect('a', 0, 0, 1), rect('b', 11, 0)], 0).size).toBe(2);
    expect(declutter([rect('a', 0, 0, 1), rect('b', 11, 0)], 2).size).toBe(1);
  });

  it('finds overlaps across grid cells, whatever the sizes', () => {
    const labels = [rect('wide', 0, 0, 5, 400, 4), ...Array.from({ length: 50 }, (_, i) => rect(`n${i}`, i * 8, 2, 1, 6, 4))];
    expect(ids(declutter(labels))).toEqual(['wide']);
  });

  it('is the same whatever order the labels come in', () => {
    const labels = Array.from({ length: 40 }, (_, i) => rect(`n${i}`, (i * 7) % 50, (i * 3) % 11, i % 4));
    expect([...declutter([...labels].reverse())].sort()).toEqual([...declutter(labels)].sort());
  });
});
