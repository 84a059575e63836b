import { describe, expect, it } from 'vitest';
import { describeDatabaseUrl, redactCredentials } from './database-url';

describe('database URLs in messages', () => {
  it('name host:port/database and never the password', () => {
    expect(describeDatabaseUrl('postgres://u:secret@db.example:6543/history')).toBe('db.example:6543/history');
    expect(describeDatabaseUrl('postgresql://u:secret@db/meshglass?sslmode=require')).toBe('db:5432/meshglass');
    expect(describeDatabaseUrl('postgres://app@127.0.0.1')).toBe('127.0.0.1:5432/app');
    expect(describeDatabaseUrl('not a url secret')).toBe('an unparsable database URL');
  });

  it('mask credentials in error text', () => {
    expect(redactCredentials('failed for postgres://app:s3cr3t@db:5432/x')).toBe('failed for postgres://app:***@db:5432/x');
    expect(redactCredentials('password s3cr3t-pw rejected', 'postgres://app:s3cr3t-pw@db/x')).toBe('password *** rejected');
    expect(redactCredentials('p%40ss is wrong: p@ss', 'postgres://app:p%40ss@db/x')).toBe('*** is wrong: ***');
  });
});
