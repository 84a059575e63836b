import type { Position } from './elements';

/** Where positions are kept between visits: per graph type and layout, since each lays out differently. */
export const positionsStorageKey = (graphType: string, layout: string) => `meshglass.topology.positions.${graphType}.${layout}`;

/** Parses stored positions; anything malformed is ignored rather than trusted. */
export function parsePositions(text: string | null): Map<string, Position> {
  const out = new Map<string, Position>();
  if (!text) return out;
  try {
    const raw: unknown = JSON.parse(text);
    if (!raw || typeof raw !== 'object') return out;
    for (const [id, p] of Object.entries(raw as Record<string, unknown>)) {
      const pos = p as Partial<Position> | null;
      if (pos && Number.isFinite(pos.x) && Number.isFinite(pos.y)) out.set(id, { x: pos.x as number, y: pos.y as number });
    }
  } catch {
    // a corrupt entry is the same as none
  }
  return out;
}

/** Serialises positions, rounded, at most `limit` of them (localStorage is small). */
export function serialisePositions(positions: ReadonlyMap<string, Position>, limit = 5000): string {
  const obj: Record<string, Position> = {};
  let n = 0;
  for (const [id, p] of positions) {
    if (n++ >= limit) break;
    obj[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  }
  return JSON.stringify(obj);
}
