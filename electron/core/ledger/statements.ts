import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';

const statementCache = new WeakMap<Db, Map<string, Statement>>();

/** Prepared statements keyed by their SQL, per connection. */
export function cached(db: Db, sql: string): Statement {
  let byDb = statementCache.get(db);
  if (!byDb) statementCache.set(db, (byDb = new Map<string, Statement>()));
  let statement = byDb.get(sql);
  if (!statement) byDb.set(sql, (statement = db.prepare(sql)));
  return statement;
}
