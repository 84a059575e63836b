import 'server-only';
import type { Migration } from './migration';

/** The change history and the stretches it missed. */
export const m0001Changes: Migration = {
  version: 1,
  name: 'changes',
  sql: /* sql */ `
CREATE TABLE IF NOT EXISTS changes (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at        timestamptz NOT NULL,
  cluster   text NOT NULL,
  category  text NOT NULL,
  kind      text NOT NULL,
  namespace text,
  name      text NOT NULL,
  action    text NOT NULL,
  summary   text NOT NULL,
  diff      jsonb NOT NULL DEFAULT '[]',
  services  text[] NOT NULL DEFAULT '{}',
  bytes     integer NOT NULL
);
-- Pages are newest first by id; the primary key's index serves them backwards.
CREATE INDEX IF NOT EXISTS changes_at_idx ON changes (at DESC, id DESC);
CREATE INDEX IF NOT EXISTS changes_cluster_idx ON changes (cluster, id DESC);
CREATE INDEX IF NOT EXISTS changes_services_idx ON changes USING gin (services);

CREATE TABLE IF NOT EXISTS history_gaps (
  id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  from_at timestamptz NOT NULL,
  to_at   timestamptz,
  reason  text NOT NULL
);
CREATE INDEX IF NOT EXISTS history_gaps_from_idx ON history_gaps (from_at);
`,
};
