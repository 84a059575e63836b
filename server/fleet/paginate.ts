import 'server-only';
import type { Page } from '@/lib/fleet/paging';

/** One page of already filtered and sorted rows. */
export function paginate<T>(rows: T[], q: { page: number; pageSize: number }): Page<T> {
  const start = (q.page - 1) * q.pageSize;
  return { items: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize };
}
