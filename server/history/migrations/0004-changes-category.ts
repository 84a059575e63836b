import 'server-only';
import type { Migration } from './migration';

/**
 * Pages filtered by a rare category (trust, controlplane, workload among a
 * fleet's config churn) walked the primary key over every newer entry; this
 * index finds them directly (docs/benchmarks.md, "Change history").
 */
export const m0004ChangesCategory: Migration = {
  version: 4,
  name: 'changes-category',
  sql: /* sql */ `
CREATE INDEX IF NOT EXISTS changes_category_idx ON changes (category, id DESC);
`,
};
