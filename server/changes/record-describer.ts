import 'server-only';
import type { ClusterStore } from '../fleet/cluster-store';
import type { ChangeAction, ChangeInput } from '../history/types';

/** What a describer knows besides the record: when, where, and the cluster's records (after the write). */
export interface DescribeContext {
  at: string;
  cluster: string;
  store: ClusterStore;
}

/**
 * Turns one record's write (before, after; undefined = absent) into a
 * change entry, or undefined when nothing it records changed. Costs in
 * proportion to the record, never to the cluster.
 */
export type Describer<R> = (before: R | undefined, after: R | undefined, ctx: DescribeContext) => ChangeInput | undefined;

/** created, deleted or changed, from which side is present. */
export function actionOf(before: unknown, after: unknown): ChangeAction {
  return before === undefined ? 'created' : after === undefined ? 'deleted' : 'changed';
}

/** The parts of a record a diff looks at, as a plain record. */
export function partsOf(r: object | undefined): Record<string, unknown> {
  return (r ?? {}) as Record<string, unknown>;
}
