import 'server-only';
import { Refusal } from '@/server/errors/refusal';
import { decodeCursor, encodeCursor, isStoreId } from './change-cursor';
import { changeFilter } from './change-filter';
import { entrySizeBytes } from './entry-size';
import { isoColumn, isoTime } from './iso-time';
import type { SqlClient } from './sql-client';
import { storableJson, storableText } from './sql-text';
import type { ChangeCategory, ChangeEntry, ChangeInput, ChangePage, ChangeQuery, ChangeStore, ChurnQuery, ChurnRow, HistoryGap } from './types';

/** Page sizes a query may ask for. */
export const MAX_PAGE = 500;

// Rows per INSERT: 11 parameters each stays far below PostgreSQL's 65535.
const INSERT_ROWS = 250;
const COLUMNS = `id::text AS id, ${isoColumn('at')} AS at, cluster, category, kind, namespace, name, action, summary, diff, services`;
const INSERT = 'INSERT INTO changes (at, cluster, category, kind, namespace, name, action, summary, diff, services, bytes) VALUES ';

interface Row {
  id: string;
  at: string;
  cluster: string;
  category: string;
  kind: string;
  namespace: string | null;
  name: string;
  action: string;
  summary: string;
  diff: unknown;
  services: string[] | null;
}

function toEntry(r: Row): ChangeEntry {
  const e = {
    id: r.id,
    at: r.at,
    cluster: r.cluster,
    category: r.category,
    kind: r.kind,
    ...(r.namespace === null ? {} : { namespace: r.namespace }),
    name: r.name,
    action: r.action,
    summary: r.summary,
    diff: Array.isArray(r.diff) ? r.diff : [],
    services: r.services ?? [],
  };
  return e as ChangeEntry;
}

function rowValues(e: ChangeInput): unknown[] {
  const t = storableText;
  return [
    isoTime(e.at, 'at'),
    t(e.cluster),
    t(e.category),
    t(e.kind),
    e.namespace === undefined ? null : t(e.namespace),
    t(e.name),
    t(e.action),
    t(e.summary),
    storableJson(e.diff ?? []),
    e.services.map(t),
    entrySizeBytes(e),
  ];
}

function placeholders(rows: number, width: number): string {
  const casts = ['::timestamptz', '', '', '', '', '', '', '', '::jsonb', '::text[]', '::integer'];
  return Array.from({ length: rows }, (_, r) => `(${casts.map((c, i) => `$${r * width + i + 1}${c}`).join(', ')})`).join(', ');
}

async function deleted(db: SqlClient, sql: string, params: unknown[]): Promise<number> {
  const [row] = await db.query<{ n: number }>(`WITH d AS (${sql} RETURNING 1) SELECT count(*)::integer AS n FROM d`, params);
  return row?.n ?? 0;
}

/** The change history on PostgreSQL (PGlite or a server) through a SqlClient; the schema must be migrated. */
export class SqlChangeStore implements ChangeStore {
  constructor(private readonly db: SqlClient) {}

  async append(entries: readonly ChangeInput[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map(rowValues);
    await this.db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += INSERT_ROWS) {
        const chunk = rows.slice(i, i + INSERT_ROWS);
        // VALUES rows take identity values in the order listed: ids increase in input order.
        await tx.query(INSERT + placeholders(chunk.length, 11), chunk.flat());
      }
    });
  }

  async query(q: ChangeQuery): Promise<ChangePage> {
    if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > MAX_PAGE) {
      throw new Refusal('bad_input', 'bad_limit', `limit must be a whole number from 1 to ${MAX_PAGE}`);
    }
    const before = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    const filter = changeFilter(q, before);
    if (q.visible && q.visible.length === 0) return { items: [] };
    const rows = await this.db.query<Row>(`SELECT ${COLUMNS} FROM changes ${filter.where} ORDER BY changes.id DESC LIMIT ${q.limit + 1}`, filter.params);
    const items = rows.slice(0, q.limit).map(toEntry);
    const last = items[items.length - 1];
    return rows.length > q.limit && last ? { items, next: encodeCursor(last.id) } : { items };
  }

  async churn(q: ChurnQuery): Promise<ChurnRow[]> {
    if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > MAX_PAGE) throw new Refusal('bad_input', 'bad_limit', `limit must be a whole number from 1 to ${MAX_PAGE}`);
    if (q.visible && q.visible.length === 0) return [];
    const filter = changeFilter({ from: q.from, categories: q.categories, visible: q.visible });
    const min = `$${filter.params.length + 1}`;
    // Creates and deletes are not churn; an object deleted and created again shows as its changes after.
    const rows = await this.db.query<{ cluster: string; category: ChangeCategory; kind: string; namespace: string | null; name: string; changes: number; first_at: string; last_at: string }>(
      `SELECT cluster, category, kind, namespace, name, count(*)::int AS changes, ${isoColumn('min(at)')} AS first_at, ${isoColumn('max(at)')} AS last_at
         FROM changes ${filter.where}${filter.where ? ' AND' : ' WHERE'} action = 'changed'
        GROUP BY cluster, category, kind, namespace, name
       HAVING count(*) >= ${min}::int
        ORDER BY changes DESC, cluster, kind, namespace, name
        LIMIT ${q.limit}`,
      [...filter.params, q.minChanges],
    );
    return rows.map((r) => ({ cluster: r.cluster, category: r.category, kind: r.kind, ...(r.namespace === null ? {} : { namespace: r.namespace }), name: r.name, changes: r.changes, firstAt: r.first_at, lastAt: r.last_at }));
  }

  async get(id: string): Promise<ChangeEntry | undefined> {
    if (!isStoreId(id)) return undefined;
    const [row] = await this.db.query<Row>(`SELECT ${COLUMNS} FROM changes WHERE id = $1::bigint`, [id]);
    return row && toEntry(row);
  }

  async gaps(from?: string, to?: string): Promise<HistoryGap[]> {
    const rows = await this.db.query<{ from_at: string; to_at: string | null; reason: string }>(
      `SELECT ${isoColumn('from_at')} AS from_at, ${isoColumn('to_at')} AS to_at, reason FROM history_gaps
        WHERE ($1::timestamptz IS NULL OR to_at IS NULL OR to_at >= $1::timestamptz)
          AND ($2::timestamptz IS NULL OR from_at <= $2::timestamptz)
        ORDER BY history_gaps.from_at, history_gaps.id`,
      [from === undefined ? null : isoTime(from, 'from'), to === undefined ? null : isoTime(to, 'to')],
    );
    return rows.map((r) => ({ from: r.from_at, ...(r.to_at === null ? {} : { to: r.to_at }), reason: r.reason }));
  }

  async recordGap(gap: HistoryGap): Promise<void> {
    await this.db.query('INSERT INTO history_gaps (from_at, to_at, reason) VALUES ($1::timestamptz, $2::timestamptz, $3)', [
      isoTime(gap.from, 'from'),
      gap.to === undefined ? null : isoTime(gap.to, 'to'),
      storableText(gap.reason),
    ]);
  }

  async beat(at: string): Promise<string | undefined> {
    return this.db.transaction(async (tx) => {
      const [prev] = await tx.query<{ at: string }>(`SELECT ${isoColumn('at')} AS at FROM history_heartbeat WHERE id = 1 FOR UPDATE`);
      await tx.query('INSERT INTO history_heartbeat (id, at) VALUES (1, $1::timestamptz) ON CONFLICT (id) DO UPDATE SET at = EXCLUDED.at', [isoTime(at, 'at')]);
      return prev?.at;
    });
  }

  async prune(opts: { before: Date; maxBytes?: number }): Promise<number> {
    return this.db.transaction(async (tx) => {
      let n = await deleted(tx, 'DELETE FROM changes WHERE at < $1::timestamptz', [opts.before.toISOString()]);
      if (opts.maxBytes !== undefined) {
        // Running total from the newest: every row past the budget is older than every row within it.
        n += await deleted(
          tx,
          `DELETE FROM changes WHERE id <= (
             SELECT max(id) FROM (SELECT id, sum(bytes) OVER (ORDER BY id DESC) AS kept FROM changes) s WHERE kept > $1::bigint)`,
          [Math.max(0, Math.floor(opts.maxBytes))],
        );
      }
      return n;
    });
  }

  async sizeBytes(): Promise<number> {
    const [row] = await this.db.query<{ n: string }>('SELECT coalesce(sum(bytes), 0)::text AS n FROM changes');
    return Number(row?.n ?? 0);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
