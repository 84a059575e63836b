import 'server-only';
import type { Migration } from './migration';

/** Tables for the access layer to use later: revoked share links and the audit trail. Schema only. */
export const m0002AccessRecords: Migration = {
  version: 2,
  name: 'access-records',
  sql: /* sql */ `
CREATE TABLE IF NOT EXISTS share_link_revocations (
  id         text PRIMARY KEY,
  revoked_at timestamptz NOT NULL DEFAULT now(),
  revoked_by text NOT NULL
);

CREATE TABLE IF NOT EXISTS audit_events (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT now(),
  principal text NOT NULL,
  action    text NOT NULL,
  subject   text NOT NULL,
  detail    jsonb
);
CREATE INDEX IF NOT EXISTS audit_events_at_idx ON audit_events (at DESC);
`,
};
