import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations/index.js';
import { checksumOf } from '../../electron/core/db/open.js';

// Every ledger records the checksum of each migration it ran and refuses to open if ours differs, so a migration
// that has shipped must never change: add the next one instead. When you add one, append its line here.
const SHIPPED: [number, string, string][] = [
  [1, 'ledger', 'a3736448088d524ae1479afc0d2b01885d226b85569a4dfa4ef12a903038fcd0'],
  [2, 'responses-search', 'b7de2b236391e0da2912dee1596d3e9e608dd5b6fa41f3e3dbac425ff4bae7c7'],
  [3, 'sync', '18c57ebe40f20b0e3c3262d104e9167177a4ac4fa2d55de0346baabb2b0151b6'],
  [4, 'commitments', 'ca815a2f1133f138428274b978dc19905936f2ae186b5ff8d8b42d5f44e4a175'],
  [5, 'ledger-indexes', 'df9c1e7492ce13654c8438eba4735826143a3a7540a7a9d597f63f1db304b3bf'],
  [6, 'covering-indexes', 'c18e88239e63b78e83c6088eed78a5f3e6e2f241bd4c08a7013e3dbbc1e24314'],
  [7, 'commitment-indexes', 'e1aed59105df7f9310a93caf0103abd7288ef776063b673e9e9692834bc872df'],
  [8, 'report-reads', 'cbb2d6953bfdba2719e556f435f35df0694aeaf0c4ac3ff6806ec28cc80bc303'],
  [9, 'spreadsheet-imports', '4313c1aa78fa40ce4e37e255b186d334c313a1d39ab5945ba12ec1183168f788'],
  [10, 'similarity', 'd7ad8f389a62a261f872f989cae42bf55bd7ef97e7a9ab4a0f31fb9122b1224f'],
  [11, 'stable-numbers', '83e457245c722b300a4125a30e71b74815efc6545f1f2231b580cfa007eed3e2'],
  [12, 'held-ops', 'e77b03d276e14bca61baf18267515d2070e830c52943e880e085d4b941146804'],
  [13, 'staff', '455e6132f8bdd342028ab97e8975dbc5cff16c5d1ca850bba0bb37d00242e6cf'],
  [14, 'signed-audit', '64be61012ddd0ff7c8b4dd675302d534f69415bb1308652428d28384576515f9'],
  [15, 'compact-ops', '54c924b287a9f6bb72f64e71d7d131471cc6cbc8f5c542237679362a23173d82'],
  [16, 'search-contentless', '25d4523e0f70d9153239ee02f4374683f11a5098967501fc6f8a307333cbacec'],
  [17, 'responder', '19912234a64f65801c75b225c91787bf472850484513880a0497e581c49d72fa'],
  [18, 'status-history', '7bde137a437a32b7eb73689524655f8cd88e929f38263d43bd73c20fbe1e4516'],
  [19, 'compact-audit', 'eebdc5d79db0c2e25353af7bc517342ffbedad2f399630a7893edec5d83e00fd'],
  [20, 'page-order-indexes', 'dafcb5f4e7e9c56d055de3ab3ee18345f1f175b43e6dd306513e72e61a3b5e83'],
  [21, 'search-categories', '34036250aeb03ef7a7ba2d75f01392ed3d0a1cebccf534d08e6359f60a73a153'],
];

describe('shipped migrations', () => {
  it('are unchanged, in order, and numbered without gaps', () => {
    expect(MIGRATIONS.map((m) => [m.version, m.name, checksumOf(m.sql)])).toEqual(SHIPPED);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
  });
});

describe('migration code', () => {
  // A migration runs on ledgers years after it was written. If its backfill called today's code (the search
  // indexer, the apply path), a later change there would silently change what an old upgrade does: migrations
  // carry their own code, and may import only each other's helpers and types.
  it('imports nothing at run time from outside the migrations folder', () => {
    const dir = join(import.meta.dirname, '..', '..', 'electron', 'core', 'db', 'migrations');
    const outside: string[] = [];
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(/^\s*import\s+(type\s+)?[^'";]*?['"]([^'"]+)['"]/gm)) {
        if (m[1] || m[2]!.startsWith('./')) continue;
        outside.push(`${file} → ${m[2]}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
