import 'server-only';
import type { FieldChange } from '../history/types';
import { MORE_PATH } from './field-diff';

const MAX_SHOWN = 48;

/** A value for a one-line summary: strings bare, the rest as JSON, cut in the middle (an image's tag is at its end). */
export function shortValue(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > MAX_SHOWN ? `${s.slice(0, 16)}…${s.slice(s.length - (MAX_SHOWN - 17))}` : s;
}

/** One field in words: `spec.x v2 → v3`, `spec.x set to 5`, `spec.x removed`. */
export function describeField(f: FieldChange): string {
  if (f.before === undefined) return `${f.path} set to ${shortValue(f.after)}`;
  if (f.after === undefined) return `${f.path} removed`;
  return `${f.path} ${shortValue(f.before)} → ${shortValue(f.after)}`;
}

/** The first changed field in words, and how many others there are: `spec.x v2 → v3 (+2 more)`. */
export function describeDiff(diff: readonly FieldChange[]): string {
  const first = diff[0];
  if (!first) return '';
  const more = diff.at(-1)?.path === MORE_PATH ? Number.parseInt(String(diff.at(-1)!.after), 10) : 0;
  const others = diff.filter((f) => f.path !== MORE_PATH).length - 1 + (Number.isFinite(more) ? more : 0);
  return others > 0 ? `${describeField(first)} (+${others} more)` : describeField(first);
}

/** `bookinfo/reviews`, or the bare name of a cluster-scoped object. */
export function objectName(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
