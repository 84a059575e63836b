/**
 * Which labels to draw, and where, so none covers another: greedy by
 * priority over a uniform grid, O(n) for labels spread over the plane. A
 * label may offer other places (above its node, beside it) tried in order
 * when the first is taken. Pure: rectangles in, choices out, so it is tested
 * without a canvas.
 */

/** A rectangle (any unit, the same for all). */
export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A label at its preferred place, how much it matters, and where else it may go. */
export interface LabelRect extends Rect {
  id: string;
  /** Higher first. */
  priority: number;
  /** Drawn whatever it covers (cluster names, node bodies); still an obstacle for the rest. */
  always?: boolean;
  /** Rectangles of one group never collide (a node's label and its body). */
  group?: string;
  /** Other places for the label, tried in order when the preferred one is taken. */
  alternatives?: readonly Rect[];
}

type Placed = Rect & { group?: string };

const overlaps = (a: Placed, b: Placed, gap: number) => (a.group === undefined || a.group !== b.group) && a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;

/**
 * The labels to draw: id to the place chosen (0 the preferred one, n the
 * n-th alternative). Every `always` label is drawn where it is; each other
 * one, highest priority first, takes the first of its places that clears what
 * is already drawn by `gap`, or is left out.
 */
export function declutter(labels: readonly LabelRect[], gap = 0): Map<string, number> {
  const kept = new Map<string, number>();
  if (labels.length === 0) return kept;
  // Cells about the size of a typical label keep each look-up to a few neighbours.
  const widths = labels.map((l) => l.x2 - l.x1).sort((a, b) => a - b);
  const heights = labels.map((l) => l.y2 - l.y1).sort((a, b) => a - b);
  const cw = Math.max(1e-6, widths[widths.length >> 1]! + gap);
  const ch = Math.max(1e-6, heights[heights.length >> 1]! + gap);
  const grid = new Map<string, Placed[]>();
  const cells = (r: Rect, fn: (key: string) => boolean | void): boolean => {
    const cx1 = Math.floor((r.x1 - gap) / cw);
    const cx2 = Math.floor((r.x2 + gap) / cw);
    const cy1 = Math.floor((r.y1 - gap) / ch);
    const cy2 = Math.floor((r.y2 + gap) / ch);
    for (let x = cx1; x <= cx2; x++) for (let y = cy1; y <= cy2; y++) if (fn(`${x},${y}`)) return true;
    return false;
  };
  const free = (r: Placed) => !cells(r, (k) => grid.get(k)?.some((o) => overlaps(o, r, gap)) ?? false);
  const place = (r: Placed) => void cells(r, (k) => void (grid.get(k) ?? grid.set(k, []).get(k)!).push(r));
  const order = [...labels].sort((a, b) => Number(b.always ?? false) - Number(a.always ?? false) || b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const l of order) {
    const places: Rect[] = [l, ...(l.alternatives ?? [])];
    const at = l.always ? 0 : places.findIndex((p) => free({ ...p, group: l.group }));
    if (at < 0) continue;
    kept.set(l.id, at);
    place({ x1: places[at]!.x1, y1: places[at]!.y1, x2: places[at]!.x2, y2: places[at]!.y2, group: l.group });
  }
  return kept;
}
