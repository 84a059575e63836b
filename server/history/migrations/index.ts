import 'server-only';
import { m0001Changes } from './0001-changes';
import { m0002AccessRecords } from './0002-access-records';
import { m0003ShareLinks } from './0003-share-links';
import { m0004ChangesCategory } from './0004-changes-category';
import { m0005Heartbeat } from './0005-heartbeat';
import type { Migration } from './migration';

/**
 * Every migration, oldest first. The SQL lives in TS modules, not .sql
 * files: Next's server bundle and the standalone image carry only imported
 * code, so nothing has to be found on disk at run time.
 */
export const MIGRATIONS: readonly Migration[] = [m0001Changes, m0002AccessRecords, m0003ShareLinks, m0004ChangesCategory, m0005Heartbeat];

export type { Migration } from './migration';
