import 'server-only';
import type { Migration } from './migration';

/**
 * The share links themselves (what operators list and revoke; never the
 * token), so every replica on one server lists the same links, and indexes
 * for the audit trail's filters.
 */
export const m0003ShareLinks: Migration = {
  version: 3,
  name: 'share-links',
  sql: /* sql */ `
CREATE TABLE IF NOT EXISTS share_links (
  id         text PRIMARY KEY,
  workspace  text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS share_links_expires_idx ON share_links (expires_at);

CREATE INDEX IF NOT EXISTS audit_events_principal_idx ON audit_events (principal, id DESC);
CREATE INDEX IF NOT EXISTS audit_events_action_idx ON audit_events (action, id DESC);
`,
};
