import 'server-only';
import type { HistoryStatus } from '@/lib/history/changes-query';
import type { AccessRecordStore, AuditTrail } from '../history/access-records';
import type { ChangeEntry, ChangePage, ChangeQuery, ChurnQuery, ChurnRow } from '../history/types';

/**
 * The change history as the routes see it. Reads reject with a Refusal
 * ('unavailable') while the history is off or its store cannot be reached;
 * the rest of the dashboard does not depend on it.
 */
export interface HistoryRuntime {
  status(from?: string, to?: string): Promise<HistoryStatus>;
  query(q: ChangeQuery): Promise<ChangePage>;
  get(id: string): Promise<ChangeEntry | undefined>;
  churn(q: ChurnQuery): Promise<ChurnRow[]>;
  /** The audit trail, kept in the same store: rows queued in the background; reads refuse while the history is off. */
  readonly audit: AuditTrail;
  /**
   * Share links and their revocations in the same store (and connection):
   * undefined while the history is off, when the access layer keeps them in
   * memory or a file. Rejects while the store cannot be opened.
   */
  readonly accessRecords?: () => Promise<AccessRecordStore>;
  stop(): Promise<void>;
}
