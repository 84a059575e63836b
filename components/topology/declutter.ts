/**
 * Which labels to draw so none covers another: greedy by priority over a
 * uniform grid, O(n) for labels spread over the plane. Pure: rectangles in,
 * ids out, so it is tested without a canvas.
 */

/** A label's rectangle (any unit, the same for all) and how much it matters. */
export interface LabelRect {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Higher first. */
  priority: number;
  /** Drawn whatever it covers (cluster and namespace names); still an obstacle for the rest. */
  always?: boolean;
  /** Rectangles of one group never collide (a node's label and its body). */
  group?: string;
}

const overlaps = (a: LabelRect, b: LabelRect, gap: number) => (a.group === undefined || a.group !== b.group) && a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;

/** The ids of the labels to draw: every `always` one, then each other one that clears what is already kept by `gap`. */
export function declutter(labels: readonly LabelRect[], gap = 0): Set<string> {
  const kept = new Set<string>();
  if (labels.length === 0) return kept;
  // Cells about the size of a typical label keep each look-up to a few neighbours.
  const widths = labels.map((l) => l.x2 - l.x1).sort((a, b) => a - b);
  const heights = labels.map((l) => l.y2 - l.y1).sort((a, b) => a - b);
  const cw = Math.max(1e-6, widths[widths.length >> 1]! + gap);
  const ch = Math.max(1e-6, heights[heights.length >> 1]! + gap);
  const grid = new Map<string, LabelRect[]>();
  const cells = (r: LabelRect, fn: (key: string) => boolean | void): boolean => {
    const cx1 = Math.floor((r.x1 - gap) / cw);
    const cx2 = Math.floor((r.x2 + gap) / cw);
    const cy1 = Math.floor((r.y1 - gap) / ch);
    const cy2 = Math.floor((r.y2 + gap) / ch);
    for (let x = cx1; x <= cx2; x++) for (let y = cy1; y <= cy2; y++) if (fn(`${x},${y}`)) return true;
    return false;
  };
  const keep = (r: LabelRect) => {
    kept.add(r.id);
    cells(r, (k) => void (grid.get(k) ?? grid.set(k, []).get(k)!).push(r));
  };
  const order = [...labels].sort((a, b) => Number(b.always ?? false) - Number(a.always ?? false) || b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of order) {
    if (r.always || !cells(r, (k) => grid.get(k)?.some((o) => overlaps(o, r, gap)) ?? false)) keep(r);
  }
  return kept;
}
