import 'server-only';
import type { HistoryStatus } from '@/lib/history/changes-query';
import { changeKeys } from '@/lib/fleet/change-keys';
import type { AnalysisEngine } from '../analysis/engine';
import { startChangeRecorder } from '../changes/change-recorder';
import type { HistoryConfig } from '../config/schema';
import { Refusal } from '../errors/refusal';
import type { FleetModel } from '../fleet/model';
import type { AccessRecordStore, AuditTrail } from '../history/access-records';
import { openHistoryStores, type HistoryStores } from '../history/access-records-open';
import { AuditWriter } from '../history/access-records-writer';
import { HistoryWriter } from '../history/history-writer';
import { openChangeStore } from '../history/open-store';
import type { ChangeInput, ChangeStore } from '../history/types';
import { HandoverSink } from '../history/handover-sink';
import { startRecorderHeartbeat } from '../history/recorder-heartbeat';
import { startHealthRecorder } from '../changes/health-recorder';
import type { HealthSample } from '../changes/health-tracker';
import { acquireWriterLease, SOLE_WRITER } from '../history/writer-lease';
import type { Logger } from '../log/logger';
import type { HistoryRuntime } from './history-runtime';

export interface HistoryDeps {
  resolvePath(p: string): string;
  logger: Logger;
  model: FleetModel;
  analysis: () => AnalysisEngine;
  /** Every service's health per cluster (telemetry); undefined without telemetry: health changes are then not recorded. */
  healthSamples?: () => Promise<HealthSample[]>;
  /** How often the `changes` key is sent when entries were written (here or by another replica). */
  notifyMs?: number;
}

/** One open pair of stores (changes, access records) on one connection, opened on first use and again after it was closed. */
class StoreHolder {
  private opening?: Promise<HistoryStores>;
  constructor(private readonly open: () => Promise<HistoryStores>) {}
  get(): Promise<HistoryStores> {
    return (this.opening ??= this.open().catch((err: unknown) => {
      this.opening = undefined;
      throw err;
    }));
  }
  async close(): Promise<void> {
    const p = this.opening;
    this.opening = undefined;
    const store = await p?.catch(() => undefined);
    await store?.close().catch(() => {});
  }
}

const off = (): never => {
  throw new Refusal('unavailable', 'history_off', 'the change history is off in this dashboard (history.enabled: false)');
};
const unreadableAs = (what: string) => (err: unknown): never => {
  if (err instanceof Refusal) throw err;
  throw new Refusal('unavailable', 'history_unavailable', `${what} cannot be read: ${(err as Error).message}`);
};
const unreadable = unreadableAs('the change history');

/** The audit trail while the history is off: nothing kept, reads refused. */
const AUDIT_OFF: AuditTrail = {
  record: () => {},
  query: async () => {
    throw new Refusal('unavailable', 'history_off', 'the audit trail is kept in the change history, which is off in this dashboard (history.enabled: false)');
  },
  status: () => ({ state: 'off', written: 0, dropped: 0, queued: 0 }),
};

/**
 * The change history of this process: the recorder on the fleet model, a
 * batched writer, and reads for the routes. PGlite (the default) has one
 * store shared by writer and reads: a data directory has one owner. On a
 * PostgreSQL server the replica holding the writer lease records; every
 * replica reads and tells its clients when new entries appear. The access
 * records (share links, the audit trail) use the reads' connection, so
 * PGlite's data directory is opened once.
 */
export function startHistory(cfg: HistoryConfig, deps: HistoryDeps): HistoryRuntime {
  if (!cfg.enabled) {
    return { status: async () => ({ state: 'off', gaps: [] }), query: async () => off(), get: async () => off(), churn: async () => off(), audit: AUDIT_OFF, stop: async () => {} };
  }
  const logger = deps.logger.child({ component: 'history' });
  const databaseUrl = cfg.databaseUrl ?? (process.env.MESHGLASS_DATABASE_URL || undefined);
  const backend = databaseUrl ? 'postgresql' : 'pglite';
  const dataDir = deps.resolvePath(cfg.dataDir);
  const reads = new StoreHolder(() => openHistoryStores(databaseUrl ? { databaseUrl } : { dataDir }));
  // PGlite: the writer uses the reads' store; its close (after a failure) makes the next use reopen it.
  const writerStore = databaseUrl
    ? () => openChangeStore({ databaseUrl })
    : async (): Promise<ChangeStore> => {
        const s = (await reads.get()).changes;
        return { ...bind(s), close: () => reads.close() };
      };
  const writer = new HistoryWriter(writerStore, { retention: { days: cfg.retentionDays, maxBytes: cfg.retentionMegabytes * 1_000_000 }, logger });
  const storedSince = async (from: string): Promise<ChangeInput[]> => {
    const store = (await reads.get()).changes;
    const entries: ChangeInput[] = [];
    let cursor: string | undefined;
    // Bounded like the kept entries it is compared with.
    do {
      const page = await store.query({ from, cursor, limit: 500 });
      entries.push(...page.items);
      cursor = page.next;
    } while (cursor && entries.length < 40_000);
    return entries;
  };
  // Asks the lease only when a change comes in, after the lease below exists.
  const sink = new HandoverSink({ held: () => lease.held(), write: (inputs) => writer.record(inputs), storedSince });
  const lease = databaseUrl
    ? acquireWriterLease(databaseUrl, {
        onChange: (held) => {
          logger.info({ held }, held ? 'recording the fleet\'s changes (writer lease held)' : 'another replica records the fleet\'s changes');
          if (held) void sink.tookOver().then((n) => n && logger.info({ entries: n }, 'wrote the changes seen while another replica recorded'));
        },
      })
    : SOLE_WRITER;
  // Once stopped, nothing may open the store again (PGlite: a second owner of the data directory).
  let stopped = false;
  const accessRecords = async (): Promise<AccessRecordStore> => {
    if (stopped) throw new Refusal('unavailable', 'history_stopped', 'the change history has stopped');
    return (await reads.get()).access;
  };
  const audit = new AuditWriter(accessRecords, { retentionDays: cfg.retentionDays, logger: logger.child({ component: 'audit' }) });
  const recorder = startChangeRecorder(deps.model, sink, {
    analysis: deps.analysis,
    onError: (err) => logger.warn({ err }, 'a change could not be recorded'),
  });
  const health = deps.healthSamples && startHealthRecorder(deps.healthSamples, sink, { onError: (err) => logger.debug({ err }, 'service health could not be read for the history') });
  const heartbeat = startRecorderHeartbeat({
    store: async () => (await reads.get()).changes,
    held: () => lease.held(),
    onGap: (gap) => logger.warn({ gap }, 'no dashboard recorded the fleet\'s changes for a while: the history has a gap'),
    onError: (err) => logger.debug({ err }, 'the history heartbeat failed'),
  });

  // New entries reach the browsers as the `changes` key: from this writer's count, or from the store's newest id (other replicas).
  let written = 0;
  let newest: string | undefined;
  const notify = setInterval(() => {
    const w = writer.status().written;
    if (w !== written) {
      written = w;
      deps.model.feed.touch([changeKeys.changes]);
      return;
    }
    if (lease.held()) return;
    void reads.get().then((s) => s.changes.query({ limit: 1 })).then((p) => {
      const id = p.items[0]?.id;
      if (id !== newest) {
        if (newest !== undefined) deps.model.feed.touch([changeKeys.changes]);
        newest = id;
      }
    }, () => {});
  }, deps.notifyMs ?? 2000);
  notify.unref();

  return {
    async status(from, to): Promise<HistoryStatus> {
      const w = writer.status();
      const stored = await reads.get().then((s) => s.changes.gaps(from, to)).catch(() => []);
      const gaps = w.openGap && lease.held() ? [...stored, w.openGap] : stored;
      const lastError = w.lastError ?? lease.lastError();
      return { state: (w.state === 'down' && lease.held()) || lease.lastError() ? 'down' : 'ok', backend, recording: lease.held(), gaps, ...(lastError ? { lastError } : {}) };
    },
    query: (q) => reads.get().then((s) => s.changes.query(q)).catch(unreadable),
    get: (id) => reads.get().then((s) => s.changes.get(id)).catch(unreadable),
    churn: (q) => reads.get().then((s) => s.changes.churn(q)).catch(unreadable),
    audit: {
      record: (e) => audit.record(e),
      query: (q) => accessRecords().then((s) => s.queryAudit(q)).catch(unreadableAs('the audit trail')),
      status: () => audit.status(),
    },
    accessRecords,
    async stop() {
      clearInterval(notify);
      heartbeat.stop();
      health?.stop();
      recorder.stop();
      // The audit rows first: on PGlite the writer's stop closes the shared store.
      await audit.stop();
      stopped = true;
      await writer.stop();
      await lease.stop();
      await reads.close();
    },
  };
}

/** The store's methods bound to it, so they can be spread into a wrapper. */
function bind(s: ChangeStore): ChangeStore {
  return {
    append: (e) => s.append(e),
    query: (q) => s.query(q),
    get: (id) => s.get(id),
    churn: (q) => s.churn(q),
    gaps: (f, t) => s.gaps(f, t),
    recordGap: (g) => s.recordGap(g),
    beat: (at) => s.beat(at),
    prune: (o) => s.prune(o),
    sizeBytes: () => s.sizeBytes(),
    close: () => s.close(),
  };
}
