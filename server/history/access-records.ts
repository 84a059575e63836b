import 'server-only';
import type { ShareLink } from '@/lib/access/api';
import { Refusal } from '@/server/errors/refusal';
import { decodeCursor, encodeCursor } from './change-cursor';
import { isoColumn, isoTime } from './iso-time';
import type { SqlClient } from './sql-client';
import { storableJson, storableText } from './sql-text';

export type { ShareLink } from '@/lib/access/api';

/** One row of the audit trail to write: who did what to which subject, when. Never a token. */
export interface AuditEventInput {
  /** ISO time. */
  at: string;
  /** The principal's label: a user id, `anonymous`, `share:<link id>`, `unknown`. */
  principal: string;
  /** `request`, `share-link.create`, `share-link.revoke`, `audit.gap`. */
  action: string;
  /** What the action was about: a request's path (tokens redacted), a share link's id. */
  subject: string;
  detail?: Record<string, unknown>;
}

/** A stored audit row; ids increase in the order rows were written. */
export interface AuditEvent extends AuditEventInput {
  id: string;
  detail: Record<string, unknown>;
}

/** Filters of one page of the audit trail; undefined means any. */
export interface AuditQuery {
  principals?: string[];
  actions?: string[];
  /** Inclusive ISO times. */
  from?: string;
  to?: string;
  cursor?: string;
  /** 1-500. */
  limit: number;
}

/** Newest first; `next` is there when older rows remain. */
export interface AuditPage {
  items: AuditEvent[];
  next?: string;
}

/** How the trail is being written: off with the history; down while rows wait for the store. */
export interface AuditTrailStatus {
  state: 'ok' | 'down' | 'off';
  written: number;
  /** Rows lost (queue full, or unwritten at shutdown); the trail holds an `audit.gap` row for those it could tell. */
  dropped: number;
  queued: number;
  lastError?: string;
}

/** The audit trail as the app sees it: written in the background, read by /api/v1/audit. */
export interface AuditTrail {
  /** Queues a row; never blocks or throws. */
  record(event: AuditEventInput): void;
  /** One page, newest first; a Refusal ('unavailable') while the history is off or its store cannot be read. */
  query(q: AuditQuery): Promise<AuditPage>;
  status(): AuditTrailStatus;
}

/** The explicit actions the store writes beside the records they are about. */
export const AUDIT_ACTIONS = { request: 'request', linkCreated: 'share-link.create', linkRevoked: 'share-link.revoke', gap: 'audit.gap' } as const;

/**
 * The access layer's records in the history's database: share links, their
 * revocations and the audit trail. Every replica on one PostgreSQL server
 * sees the same rows. Times are the callers' clocks, passed in.
 */
export interface AccessRecordStore {
  /** Records a new link and its `share-link.create` audit row, in one transaction. */
  recordLink(link: ShareLink): Promise<void>;
  /** The link while it has not expired at `now`, with its revocation if any. */
  getLink(id: string, now: Date): Promise<ShareLink | undefined>;
  /** Links unexpired at `now`, newest first, optionally of some workspaces only. */
  listLinks(now: Date, workspaces?: readonly string[]): Promise<ShareLink[]>;
  /**
   * Revokes a link (first revocation wins; repeating is a no-op) and, the
   * first time, writes its `share-link.revoke` row in the same transaction.
   * Undefined when no such link is recorded.
   */
  revokeLink(id: string, by: string, at: Date): Promise<ShareLink | undefined>;
  /** Ids revoked whose link has not expired at `now` (or is not recorded at all). */
  revokedIds(now: Date): Promise<string[]>;
  /** Appends audit rows in one transaction, in order. */
  appendAudit(events: readonly AuditEventInput[]): Promise<void>;
  queryAudit(q: AuditQuery): Promise<AuditPage>;
  /** Deletes audit rows older than `before`, and links (with their revocations) expired before it; returns how many rows went. */
  prune(before: Date): Promise<number>;
}

/** Page sizes an audit query may ask for. */
export const MAX_AUDIT_PAGE = 500;
// 5 parameters a row: far below PostgreSQL's 65535 a statement.
const INSERT_ROWS = 500;

const LINK_COLUMNS = `l.id, l.workspace, l.created_by, ${isoColumn('l.created_at')} AS created_at, ${isoColumn('l.expires_at')} AS expires_at, ${isoColumn('r.revoked_at')} AS revoked_at`;
const LINK_FROM = 'share_links l LEFT JOIN share_link_revocations r ON r.id = l.id';
const AUDIT_COLUMNS = `id::text AS id, ${isoColumn('at')} AS at, principal, action, subject, detail`;

interface LinkRow {
  id: string;
  workspace: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

interface AuditRow {
  id: string;
  at: string;
  principal: string;
  action: string;
  subject: string;
  detail: unknown;
}

function toLink(r: LinkRow): ShareLink {
  return { id: r.id, workspace: r.workspace, createdBy: r.created_by, createdAt: r.created_at, expiresAt: r.expires_at, ...(r.revoked_at === null ? {} : { revokedAt: r.revoked_at }) };
}

function toEvent(r: AuditRow): AuditEvent {
  const detail = r.detail && typeof r.detail === 'object' && !Array.isArray(r.detail) ? (r.detail as Record<string, unknown>) : {};
  return { id: r.id, at: r.at, principal: r.principal, action: r.action, subject: r.subject, detail };
}

async function insertAudit(db: SqlClient, events: readonly AuditEventInput[]): Promise<void> {
  for (let i = 0; i < events.length; i += INSERT_ROWS) {
    const chunk = events.slice(i, i + INSERT_ROWS);
    const values = chunk.map((_, r) => `($${r * 5 + 1}::timestamptz, $${r * 5 + 2}, $${r * 5 + 3}, $${r * 5 + 4}, $${r * 5 + 5}::jsonb)`).join(', ');
    const params = chunk.flatMap((e) => [isoTime(e.at, 'at'), storableText(e.principal), storableText(e.action), storableText(e.subject), storableJson(e.detail ?? {})]);
    // VALUES rows take identity values in the order listed: ids follow the input.
    await db.query(`INSERT INTO audit_events (at, principal, action, subject, detail) VALUES ${values}`, params);
  }
}

async function countDeleted(db: SqlClient, sql: string, params: unknown[]): Promise<number> {
  const [row] = await db.query<{ n: number }>(`WITH d AS (${sql} RETURNING 1) SELECT count(*)::integer AS n FROM d`, params);
  return row?.n ?? 0;
}

/** The access records on PostgreSQL (PGlite or a server) through a SqlClient whose schema is migrated. */
export class SqlAccessRecords implements AccessRecordStore {
  constructor(private readonly db: SqlClient) {}

  async recordLink(link: ShareLink): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO share_links (id, workspace, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz) ON CONFLICT (id) DO NOTHING', [
        storableText(link.id),
        storableText(link.workspace),
        storableText(link.createdBy),
        isoTime(link.createdAt, 'createdAt'),
        isoTime(link.expiresAt, 'expiresAt'),
      ]);
      await insertAudit(tx, [{ at: link.createdAt, principal: link.createdBy, action: AUDIT_ACTIONS.linkCreated, subject: link.id, detail: { workspace: link.workspace, expiresAt: link.expiresAt } }]);
    });
  }

  async getLink(id: string, now: Date): Promise<ShareLink | undefined> {
    const [row] = await this.db.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM ${LINK_FROM} WHERE l.id = $1 AND l.expires_at > $2::timestamptz`, [storableText(id), now.toISOString()]);
    return row && toLink(row);
  }

  async listLinks(now: Date, workspaces?: readonly string[]): Promise<ShareLink[]> {
    const rows = await this.db.query<LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM ${LINK_FROM} WHERE l.expires_at > $1::timestamptz AND ($2::text[] IS NULL OR l.workspace = ANY($2::text[])) ORDER BY l.created_at DESC, l.id`,
      [now.toISOString(), workspaces ? workspaces.map(storableText) : null],
    );
    return rows.map(toLink);
  }

  async revokeLink(id: string, by: string, at: Date): Promise<ShareLink | undefined> {
    return this.db.transaction(async (tx) => {
      const [link] = await tx.query<{ workspace: string }>('SELECT workspace FROM share_links WHERE id = $1', [storableText(id)]);
      if (!link) return undefined;
      const added = await tx.query('INSERT INTO share_link_revocations (id, revoked_at, revoked_by) VALUES ($1, $2::timestamptz, $3) ON CONFLICT (id) DO NOTHING RETURNING id', [storableText(id), at.toISOString(), storableText(by)]);
      if (added.length > 0) await insertAudit(tx, [{ at: at.toISOString(), principal: by, action: AUDIT_ACTIONS.linkRevoked, subject: id, detail: { workspace: link.workspace } }]);
      const [row] = await tx.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM ${LINK_FROM} WHERE l.id = $1`, [storableText(id)]);
      return row && toLink(row);
    });
  }

  async revokedIds(now: Date): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      'SELECT r.id FROM share_link_revocations r LEFT JOIN share_links l ON l.id = r.id WHERE l.id IS NULL OR l.expires_at > $1::timestamptz',
      [now.toISOString()],
    );
    return rows.map((r) => r.id);
  }

  async appendAudit(events: readonly AuditEventInput[]): Promise<void> {
    if (events.length === 0) return;
    await this.db.transaction((tx) => insertAudit(tx, events));
  }

  async queryAudit(q: AuditQuery): Promise<AuditPage> {
    if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > MAX_AUDIT_PAGE) {
      throw new Refusal('bad_input', 'bad_limit', `limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}`);
    }
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const conds: string[] = [];
    if (q.principals) conds.push(`principal = ANY(${p(q.principals.map(storableText))}::text[])`);
    if (q.actions) conds.push(`action = ANY(${p(q.actions.map(storableText))}::text[])`);
    if (q.from !== undefined) conds.push(`at >= ${p(isoTime(q.from, 'from'))}::timestamptz`);
    if (q.to !== undefined) conds.push(`at <= ${p(isoTime(q.to, 'to'))}::timestamptz`);
    if (q.cursor !== undefined) conds.push(`id < ${p(decodeCursor(q.cursor))}::bigint`);
    const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
    const rows = await this.db.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_events ${where} ORDER BY audit_events.id DESC LIMIT ${q.limit + 1}`, params);
    const items = rows.slice(0, q.limit).map(toEvent);
    const last = items[items.length - 1];
    return rows.length > q.limit && last ? { items, next: encodeCursor(last.id) } : { items };
  }

  async prune(before: Date): Promise<number> {
    const t = before.toISOString();
    return this.db.transaction(async (tx) => {
      let n = await countDeleted(tx, 'DELETE FROM audit_events WHERE at < $1::timestamptz', [t]);
      n += await countDeleted(tx, 'DELETE FROM share_link_revocations r USING share_links l WHERE l.id = r.id AND l.expires_at < $1::timestamptz', [t]);
      n += await countDeleted(tx, 'DELETE FROM share_links WHERE expires_at < $1::timestamptz', [t]);
      return n;
    });
  }
}
