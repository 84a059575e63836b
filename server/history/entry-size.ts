import 'server-only';
import type { ChangeInput } from './types';

// Row header, the id, the time and the bytes column, roughly as PostgreSQL stores them.
const ROW_OVERHEAD = 64;

/** The bytes one entry is counted as by retention by size: its text and JSON as UTF-8, plus a fixed row overhead. */
export function entrySizeBytes(e: ChangeInput): number {
  const text = [e.cluster, e.category, e.kind, e.namespace ?? '', e.name, e.action, e.summary, ...e.services];
  return ROW_OVERHEAD + text.reduce((n, s) => n + Buffer.byteLength(s, 'utf8') + 1, 0) + Buffer.byteLength(JSON.stringify(e.diff ?? []), 'utf8');
}
