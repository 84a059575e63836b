import 'server-only';
import { Refusal } from '@/server/errors/refusal';

const MAX_ID = 2n ** 63n - 1n;

/** Whether `id` can be a store id: a positive decimal that fits PostgreSQL's bigint. */
export function isStoreId(id: string): boolean {
  return /^[1-9][0-9]{0,18}$/.test(id) && BigInt(id) <= MAX_ID;
}

/** The opaque `next` of a page: base64url of the last id it holds. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

/** The id a cursor stands for; a cursor this server did not give is refused as bad input. */
export function decodeCursor(cursor: string): string {
  const id = /^[A-Za-z0-9_-]{1,28}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  // Re-encoding must give the cursor back, or base64's leniency would accept near misses.
  if (!isStoreId(id) || encodeCursor(id) !== cursor) {
    throw new Refusal('bad_input', 'bad_cursor', 'cursor is not one this server gave: ask for the first page again');
  }
  return id;
}
