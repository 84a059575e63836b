import type { Position } from './elements';

/**
 * The layout of large graphs: O(n), deterministic, no physics. Every box
 * (cluster, namespace, app) holds its nodes in a grid, then its child boxes
 * packed in rows below them; top-level boxes are packed in rows too, about as
 * wide as a screen is. fcose takes seconds on the main thread from a few
 * hundred nodes up; this takes milliseconds for 5,000.
 */

/** A node or box of the tree the layout works on. */
export interface GridItem {
  id: string;
  parent?: string;
  box: boolean;
}

/** A box's rectangle, by its centre (what cytoscape positions by) and size. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Grid cell of a node (room for its label when zoomed in), box padding and label room, gap between boxes. */
export const GRID = { dx: 96, dy: 64, pad: 16, header: 22, gap: 28 } as const;
// How far a node and its label reach from its centre: used to size boxes from positions.
const NODE_HALF_W = 40;
const NODE_UP = 16;
const NODE_DOWN = 30;

interface Measured {
  w: number;
  h: number;
  /** Child offsets from this item's top-left corner: nodes by centre, boxes by top-left. */
  at: Array<{ id: string; box: boolean; x: number; y: number }>;
}

function childrenOf(items: readonly GridItem[]): Map<string | undefined, GridItem[]> {
  const ids = new Set(items.map((i) => i.id));
  const out = new Map<string | undefined, GridItem[]>();
  for (const it of items) {
    // A parent missing from the graph puts the item at the top level rather than losing it.
    const p = it.parent !== undefined && ids.has(it.parent) ? it.parent : undefined;
    const list = out.get(p) ?? [];
    list.push(it);
    out.set(p, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

/** Shelf packing: boxes left to right, a new row when the next would pass `width`. */
function shelves(sizes: Array<{ id: string; w: number; h: number }>, width: number, y0: number): { at: Measured['at']; w: number; h: number } {
  const at: Measured['at'] = [];
  let x = 0;
  let y = y0;
  let rowH = 0;
  let maxW = 0;
  for (const s of sizes) {
    if (x > 0 && x + s.w > width) {
      y += rowH + GRID.gap;
      x = 0;
      rowH = 0;
    }
    at.push({ id: s.id, box: true, x, y });
    x += s.w + GRID.gap;
    rowH = Math.max(rowH, s.h);
    maxW = Math.max(maxW, x - GRID.gap);
  }
  return { at, w: maxW, h: sizes.length ? y + rowH : y0 };
}

/** Lays out one level: its nodes in a grid on top, its boxes in rows below; `aspect` is the wanted width / height. */
function measure(id: string | undefined, kids: Map<string | undefined, GridItem[]>, sizes: Map<string, Measured>, aspect: number): Measured {
  const list = kids.get(id) ?? [];
  const nodes = list.filter((i) => !i.box);
  const boxes = list.filter((i) => i.box).map((b) => ({ id: b.id, ...measureBox(b.id, kids, sizes) }));
  const cols = Math.max(1, Math.ceil(Math.sqrt(nodes.length * aspect * (GRID.dy / GRID.dx))));
  const at: Measured['at'] = nodes.map((n, i) => ({ id: n.id, box: false, x: (i % cols) * GRID.dx + GRID.dx / 2, y: Math.floor(i / cols) * GRID.dy + GRID.dy / 2 }));
  const gridW = nodes.length ? Math.min(cols, nodes.length) * GRID.dx : 0;
  const gridH = Math.ceil(nodes.length / cols) * GRID.dy;
  const area = boxes.reduce((a, b) => a + (b.w + GRID.gap) * (b.h + GRID.gap), 0);
  const widest = boxes.reduce((a, b) => Math.max(a, b.w), 0);
  const packed = shelves(boxes, Math.max(gridW, widest, Math.sqrt(area * aspect)), gridH ? gridH + GRID.gap : 0);
  at.push(...packed.at);
  return { w: Math.max(gridW, packed.w), h: Math.max(gridH, packed.h), at };
}

function measureBox(id: string, kids: Map<string | undefined, GridItem[]>, sizes: Map<string, Measured>): Measured {
  const inner = measure(id, kids, sizes, 1.4);
  const m = { w: inner.w + 2 * GRID.pad, h: inner.h + GRID.pad + GRID.header, at: inner.at.map((a) => ({ ...a, x: a.x + GRID.pad, y: a.y + GRID.header })) };
  sizes.set(id, m);
  return m;
}

function place(m: Measured, x0: number, y0: number, sizes: Map<string, Measured>, out: Map<string, Position>): void {
  for (const a of m.at) {
    if (a.box) place(sizes.get(a.id)!, x0 + a.x, y0 + a.y, sizes, out);
    else out.set(a.id, { x: x0 + a.x, y: y0 + a.y });
  }
}

/**
 * Positions of every node (not box) of the tree, top-level items packed to
 * about `aspect` (a 1280x800 screen is 1.6). Sorted by id at every level,
 * so the same graph always gets the same picture.
 */
export function gridLayout(items: readonly GridItem[], aspect = 1.6): Map<string, Position> {
  const kids = childrenOf(items);
  const sizes = new Map<string, Measured>();
  const out = new Map<string, Position>();
  place(measure(undefined, kids, sizes, aspect), 0, 0, sizes, out);
  return out;
}

/** Each box's rectangle around the positions of what it holds (boxes inside boxes included); empty boxes get none. */
export function boxRects(items: readonly GridItem[], positions: ReadonlyMap<string, Position>): Map<string, Rect> {
  const kids = childrenOf(items);
  const out = new Map<string, Rect>();
  const extent = (id: string): { x1: number; y1: number; x2: number; y2: number } | undefined => {
    let e: { x1: number; y1: number; x2: number; y2: number } | undefined;
    const grow = (x1: number, y1: number, x2: number, y2: number) => {
      e = e ? { x1: Math.min(e.x1, x1), y1: Math.min(e.y1, y1), x2: Math.max(e.x2, x2), y2: Math.max(e.y2, y2) } : { x1, y1, x2, y2 };
    };
    for (const c of kids.get(id) ?? []) {
      if (c.box) {
        const r = extent(c.id);
        if (r) grow(r.x1, r.y1, r.x2, r.y2);
      } else {
        const p = positions.get(c.id);
        if (p) grow(p.x - NODE_HALF_W, p.y - NODE_UP, p.x + NODE_HALF_W, p.y + NODE_DOWN);
      }
    }
    if (!e) return undefined;
    const r = { x1: e.x1 - GRID.pad / 2, y1: e.y1 - GRID.header + NODE_UP, x2: e.x2 + GRID.pad / 2, y2: e.y2 + GRID.pad / 2 };
    out.set(id, { x: (r.x1 + r.x2) / 2, y: (r.y1 + r.y2) / 2, w: r.x2 - r.x1, h: r.y2 - r.y1 });
    return r;
  };
  for (const top of kids.get(undefined) ?? []) if (top.box) extent(top.id);
  return out;
}

/**
 * Places nodes that appeared after the first drawing without moving the
 * others: new nodes of a box that is on screen go in rows under its current
 * contents; whole new boxes are laid out on their own and put below everything.
 */
export function placeNew(items: readonly GridItem[], placed: ReadonlyMap<string, Position>, unplaced: readonly string[]): Map<string, Position> {
  const out = new Map<string, Position>();
  if (unplaced.length === 0) return out;
  const want = new Set(unplaced);
  const byId = new Map(items.map((i) => [i.id, i]));
  const rects = boxRects(items, placed);
  let bottom = -Infinity;
  let left = Infinity;
  for (const p of placed.values()) {
    bottom = Math.max(bottom, p.y);
    left = Math.min(left, p.x);
  }
  for (const r of rects.values()) bottom = Math.max(bottom, r.y + r.h / 2);
  if (!Number.isFinite(bottom)) return gridLayout(items.filter((i) => i.box || want.has(i.id)));
  // Highest ancestor that has nothing on screen yet: the subtree to lay out as a whole.
  const newRoot = (id: string): string => {
    let cur = id;
    for (;;) {
      const p = byId.get(cur)?.parent;
      if (p === undefined || !byId.has(p) || rects.has(p)) return cur;
      cur = p;
    }
  };
  const rows = new Map<string, string[]>();
  const subtrees = new Set<string>();
  for (const id of unplaced) {
    const root = newRoot(id);
    const parent = byId.get(id)?.parent;
    if (root === id && parent !== undefined && rects.has(parent)) rows.set(parent, [...(rows.get(parent) ?? []), id]);
    else subtrees.add(root);
  }
  for (const [parent, ids] of rows) {
    const r = rects.get(parent)!;
    const cols = Math.max(1, Math.floor(r.w / GRID.dx));
    const x0 = r.x - r.w / 2 + GRID.dx / 2;
    const y0 = r.y + r.h / 2 + GRID.dy / 2;
    ids.forEach((id, i) => out.set(id, { x: x0 + (i % cols) * GRID.dx, y: y0 + Math.floor(i / cols) * GRID.dy }));
  }
  let x = left - GRID.dx / 2;
  const y = bottom + 2 * GRID.gap;
  for (const root of [...subtrees].sort()) {
    const inTree = (id: string): boolean => id === root || (byId.get(id)?.parent !== undefined && byId.get(id)!.parent !== id && inTree(byId.get(id)!.parent!));
    const sub = items.filter((i) => inTree(i.id) && (i.box || want.has(i.id))).map((i) => (i.id === root ? { ...i, parent: undefined } : i));
    const pos = gridLayout(sub);
    let maxX = x;
    for (const [id, p] of pos) {
      out.set(id, { x: p.x + x, y: p.y + y });
      maxX = Math.max(maxX, p.x + x);
    }
    x = maxX + GRID.dx + GRID.gap;
  }
  return out;
}
