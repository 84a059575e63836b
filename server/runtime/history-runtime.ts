import 'server-only';
import type { HistoryStatus } from '@/lib/history/changes-query';
import type { ChangeEntry, ChangePage, ChangeQuery } from '../history/types';

/**
 * The change history as the routes see it. Reads reject with a Refusal
 * ('unavailable') while the history is off or its store cannot be reached;
 * the rest of the dashboard does not depend on it.
 */
export interface HistoryRuntime {
  status(from?: string, to?: string): Promise<HistoryStatus>;
  query(q: ChangeQuery): Promise<ChangePage>;
  get(id: string): Promise<ChangeEntry | undefined>;
  stop(): Promise<void>;
}
