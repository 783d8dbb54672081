import { migration as m001 } from './001-ledger.js';
import { migration as m002 } from './002-responses-search.js';

// Numbered migrations in order. Never edit one that has shipped: its checksum is recorded in every ledger and a
// mismatch refuses to open. Add the next number instead.
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [m001, m002];
