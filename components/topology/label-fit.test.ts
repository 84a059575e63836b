import { describe, expect, it } from 'vitest';
import { topologyStyle } from '@/lib/topology-view/style';
import { LABEL_PX, MARK_PX, labelRules, zoomStep } from './label-fit';

const base = topologyStyle(false);
const rule = (rules: ReturnType<typeof labelRules>, selector: string) => rules.find((r) => r.selector === selector)?.style ?? {};
const zoomOf = (step: number) => Math.pow(1.12, step);

describe('labels that follow the zoom', () => {
  it('steps down: a step never draws labels under their size on screen', () => {
    for (const zoom of [0.05, 0.2, 0.27, 0.5, 0.99, 1, 1.5, 4]) {
      const step = zoomStep(zoom);
      // Below 0.12 labels stop growing (and hide): the step stays there.
      expect(zoomOf(step)).toBeLessThanOrEqual(Math.max(zoom, 0.12) + 1e-9);
      const font = Number(rule(labelRules(base, step, false), 'node.node')['font-size']);
      if (zoom >= 0.12) expect(font * zoom).toBeGreaterThanOrEqual(LABEL_PX.node - 1e-6);
    }
  });

  it('keeps the stylesheet sizes once they are big enough on screen', () => {
    const rules = labelRules(base, zoomStep(2), false);
    expect(rule(rules, 'node.node')['font-size']).toBe(10);
    expect(rule(rules, 'node.cluster')['font-size']).toBe(13);
    expect(rule(rules, 'node.node').width).toBe(22);
  });

  it('grows labels and marks in graph units when zoomed out', () => {
    const step = zoomStep(0.3);
    const zoom = zoomOf(step);
    const rules = labelRules(base, step, false);
    expect(Number(rule(rules, 'node.node')['font-size']) * zoom).toBeCloseTo(LABEL_PX.node, 0);
    expect(Number(rule(rules, 'node.node').width) * zoom).toBeCloseTo(MARK_PX.node, 0);
    expect(Number(rule(rules, 'node.namespace')['font-size']) * zoom).toBeCloseTo(LABEL_PX.namespace, 0);
    const width = rule(rules, 'edge').width as (e: { data: (k: string) => unknown }) => number;
    expect(width({ data: () => 1 }) * zoom).toBeCloseTo(MARK_PX.edge, 1);
    expect(width({ data: () => 8 })).toBe(8);
  });

  it("sizes boxes without their children's labels, and hides decluttered labels", () => {
    const rules = labelRules(base, zoomStep(0.3), false);
    expect(rule(rules, 'node.box')['compound-sizing-wrt-labels']).toBe('exclude');
    expect(rule(rules, '.label-off')['text-opacity']).toBe(0);
  });

  it('leaves the edges of large graphs as the stylesheet has them', () => {
    expect(labelRules(topologyStyle(false, true), zoomStep(0.3), true).some((r) => r.selector === 'edge')).toBe(false);
  });
});
