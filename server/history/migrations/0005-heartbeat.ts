import 'server-only';
import type { Migration } from './migration';

/**
 * When a recorder was last alive: a dashboard that starts (or takes the
 * lease) long after the last beat knows nobody recorded in between, and
 * says so as a gap.
 */
export const m0005Heartbeat: Migration = {
  version: 5,
  name: 'heartbeat',
  sql: /* sql */ `
CREATE TABLE IF NOT EXISTS history_heartbeat (
  id smallint PRIMARY KEY CHECK (id = 1),
  at timestamptz NOT NULL
);
`,
};
