import type { Db } from '../open.js';
import { migration as m001 } from './001-ledger.js';
import { migration as m002 } from './002-responses-search.js';
import { migration as m003 } from './003-sync.js';
import { migration as m004 } from './004-commitments.js';
import { migration as m005 } from './005-ledger-indexes.js';
import { migration as m006 } from './006-covering-indexes.js';
import { migration as m007 } from './007-commitment-indexes.js';
import { migration as m008 } from './008-report-reads.js';
import { migration as m009 } from './009-spreadsheet-imports.js';
import { migration as m010 } from './010-similarity.js';
import { migration as m011 } from './011-stable-numbers.js';
import { migration as m012 } from './012-held-ops.js';
import { migration as m013 } from './013-staff.js';
import { migration as m014 } from './014-signed-audit.js';
import { migration as m015 } from './015-compact-ops.js';
import { migration as m016 } from './016-search-contentless.js';
import { migration as m017 } from './017-responder.js';
import { migration as m018 } from './018-status-history.js';
import { migration as m019 } from './019-compact-audit.js';
import { migration as m020 } from './020-page-order-indexes.js';
import { migration as m021 } from './021-search-categories.js';

// Numbered migrations in order. Never edit one that has shipped: its checksum is recorded in every ledger and a
// mismatch refuses to open. Add the next number instead.
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Fills derived data the SQL cannot compute (e.g. the bigram search index) for rows that already exist. */
  backfill?: (db: Db) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014, m015, m016, m017, m018, m019, m020,
  m021,
];
