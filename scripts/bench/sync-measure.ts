import { copyFileSync, createReadStream, createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { Encrypter } from 'age-encryption';
import { openLedger } from '../../electron/core/open-ledger.js';
import { mutate } from '../../electron/core/ledger/mutate.js';
import { cardOf } from '../../electron/core/sync/card.js';
import { buildBundle, writeAtomically } from '../../electron/core/sync/export.js';
import { loadIdentity } from '../../electron/core/sync/identity.js';
import { signOwnHead } from '../../electron/core/sync/audit-chains.js';
import { importBundleBytes } from '../../electron/core/sync/import.js';
import { memoryKeyStore } from '../../electron/core/sync/keystore.js';
import { addPeer } from '../../electron/core/sync/peers.js';
import { bytes, count, ms, percentile, timeMs } from './measure.js';
import type { BenchRow } from './table.js';

// The sync rows of the bench, run in their own process (bundle crypto is asynchronous; the row groups are not).
// Two workstations in step on the benchmark ledger — the cached file, copied twice, the copy given its own site
// id, as if it had received everything — then 1% of the incidents change on one and travel to the other:
//   - the incremental bundle against age-encrypting the whole database file (bytes and time);
//   - its import against inserting the same rows with prepared statements in one transaction.
// Usage: tsx scripts/bench/sync-measure.ts LEDGER SCRATCH_DIR RUNS → JSON rows on the last line of stdout.

const [ledgerPath, scratch, runsText] = process.argv.slice(2);
const runs = Math.max(1, Number(runsText ?? 5));
const senderPath = join(scratch!, 'sync-sender.db');
const receiverPath = join(scratch!, 'sync-receiver.db');
copyFileSync(ledgerPath!, senderPath);
copyFileSync(ledgerPath!, receiverPath);
{
  // The copy becomes another workstation that has seen everything the original wrote.
  const raw = new Database(receiverPath);
  raw.prepare("UPDATE meta SET value = ? WHERE key = 'site_id'").run('b0b0b0b0b0b0b0b0');
  raw.prepare("UPDATE meta SET value = '基准接收工作站' WHERE key = 'site_name'").run();
  raw.close();
}
const sender = openLedger({ path: senderPath, keyStore: memoryKeyStore(), actor: '基准测试' });
const receiver = openLedger({ path: receiverPath, keyStore: memoryKeyStore(), actor: '基准测试' });
for (const [a, b] of [[sender, receiver], [receiver, sender]] as const) {
  addPeer(a.db, cardOf(await loadIdentity(b)), true, a.siteId, new Date().toISOString());
}
// What the receiver holds, as its last bundle would have told the sender: the operations, and the sender's signed
// audit chain up to now (kept as a peer's chain, as an earlier import would have kept it).
sender.db
  .prepare("INSERT INTO peer_seen (peer, site, max_hlc) SELECT ?, site, max_hlc FROM sites")
  .run(receiver.siteId);
const identity = await loadIdentity(sender);
sender.ctx.guard.allow(() => receiver.ctx.guard.allow(() => {
  const head = signOwnHead(sender.db, sender.siteId, identity.current, new Date().toISOString());
  const columns = 'seq, at, site, actor, action, entity, entity_id, summary, op_count, first_hlc, last_hlc, ops_digest, prev_hash, hash';
  const insert = receiver.db.prepare(`INSERT INTO peer_audit (chain, ${columns}) VALUES (@chain, ${columns.split(', ').map((c) => `@${c}`).join(', ')})`);
  receiver.db.transaction(() => {
    for (const entry of sender.db.prepare(`SELECT ${columns} FROM audit ORDER BY seq`).iterate() as IterableIterator<Record<string, unknown>>) {
      insert.run({ ...entry, chain: sender.siteId });
    }
  })();
  if (head) {
    receiver.db
      .prepare('INSERT INTO audit_heads (site, seq, hash, sign_public, signature, signed_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(sender.siteId, head.seq, head.hash, head.signPublic, head.signature, new Date().toISOString());
    sender.db.prepare('INSERT INTO peer_audit_seen (peer, site, seq) VALUES (?, ?, ?)').run(receiver.siteId, sender.siteId, head.seq);
  }
}));

// 1% of incidents change: a new title, a leader's instruction, the modification time.
const ids = (sender.db.prepare('SELECT id, title FROM incidents WHERE deleted = 0 ORDER BY id').all() as { id: string; title: string }[]).filter(
  (_, i) => i % 100 === 0,
);
for (let i = 0; i < ids.length; i += 100) {
  sender.db.transaction(() => {
    for (const { id, title } of ids.slice(i, i + 100)) {
      mutate(sender.ctx, { action: 'update', entity: 'incident', entityId: id, summary: '基准测试修改' }, [
        {
          table: 'incidents',
          row: id,
          fields: { title: `${title}（续报）`, leader_instruction: '请牵头单位今日内回应', updated_at: new Date().toISOString() },
        },
      ]);
    }
  })();
}

// Export, repeated: the bundle carries exactly what the receiver lacks.
const bundlePath = join(scratch!, 'incremental.yqb');
let bundle: Uint8Array = new Uint8Array();
let opCount = 0;
const exportTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const built = await buildBundle(sender, { peers: [receiver.siteId], full: false });
  writeAtomically(bundlePath, built.bytes);
  exportTimes.push(performance.now() - start);
  bundle = built.bytes;
  opCount = built.manifest.opCount;
}
const exportMs = percentile(exportTimes, 50);

// Baseline: the whole database file through age (streamed), to the same recipient.
sender.db.pragma('wal_checkpoint(TRUNCATE)');
const wholePath = join(scratch!, 'whole-db.age');
const encrypter = new Encrypter();
encrypter.addRecipient((await loadIdentity(receiver)).current.ageRecipient);
let wholeMs = performance.now();
const sealed = await encrypter.encrypt(Readable.toWeb(createReadStream(senderPath)) as ReadableStream<Uint8Array>);
await sealed.pipeTo(Writable.toWeb(createWriteStream(wholePath)) as WritableStream<Uint8Array>);
wholeMs = performance.now() - wholeMs;
const wholeBytes = statSync(wholePath).size;

// Baseline: the same operation rows and the same incident fields written with prepared statements in one
// transaction (rolled back, so the receiver is unchanged for the real import).
const rows = sender.db
  .prepare("SELECT hlc, site, tbl, row, col, value FROM ops WHERE site = ? AND hlc > (SELECT max_hlc FROM peer_seen WHERE peer = ? AND site = ?) ORDER BY hlc")
  .all(sender.siteId, receiver.siteId, sender.siteId) as { hlc: string; site: string; tbl: string; row: string; col: string; value: string }[];
// The operations go into a plain table of the wire's shape: the floor any storage of them is measured against.
receiver.db.exec('CREATE TEMP TABLE raw_ops (hlc TEXT PRIMARY KEY, site TEXT, tbl TEXT, row TEXT, col TEXT, value TEXT)');
const insertOp = receiver.db.prepare('INSERT INTO raw_ops (hlc, site, tbl, row, col, value) VALUES (?, ?, ?, ?, ?, ?)');
const updateIncident = receiver.db.prepare('UPDATE incidents SET title = ?, leader_instruction = ?, updated_at = ? WHERE id = ?');
const byRow = new Map<string, Record<string, string>>();
for (const r of rows) byRow.set(r.row, { ...byRow.get(r.row), [r.col]: JSON.parse(r.value) as string });
const rawMs = timeMs(() => {
  receiver.db.exec('BEGIN');
  receiver.ctx.guard.allow(() => {
    for (const r of rows) insertOp.run(r.hlc, r.site, r.tbl, r.row, r.col, r.value);
    for (const [id, f] of byRow) updateIncident.run(f.title, f.leader_instruction, f.updated_at, id);
  });
  receiver.db.exec('ROLLBACK');
});

const importStart = performance.now();
const imported = await importBundleBytes(receiver, bundle);
const importMs = performance.now() - importStart;
if (imported.applied !== opCount) throw new Error(`import applied ${imported.applied} of ${opCount}`);
receiver.close();

// A new workstation joins: its first bundle is the full one, everything the office ever wrote.
const newcomer = openLedger({ path: join(scratch!, 'sync-newcomer.db'), keyStore: memoryKeyStore(), actor: '基准测试' });
addPeer(sender.db, cardOf(await loadIdentity(newcomer)), true, sender.siteId, new Date().toISOString());
addPeer(newcomer.db, cardOf(await loadIdentity(sender)), true, newcomer.siteId, new Date().toISOString());
const fullStart = performance.now();
const full = await buildBundle(sender, { peers: [newcomer.siteId], full: true });
const fullExportMs = performance.now() - fullStart;
const fullImportStart = performance.now();
await importBundleBytes(newcomer, full.bytes, { confirmMassDelete: true, maxBundleBytes: Number.MAX_SAFE_INTEGER });
const fullImportMs = performance.now() - fullImportStart;
const incidents = (sender.db.prepare('SELECT count(*) FROM incidents WHERE deleted = 0').pluck().get() as number) || 1;
sender.close();
newcomer.close();

const result: BenchRow[] = [
  {
    measure: `sync: incremental bundle, 1% of incidents changed (${count(ids.length)} incidents, ${count(opCount)} ops)`,
    value: bytes(bundle.length),
    budget: '≤ 1/50 whole-DB age file',
    verdict: `${bundle.length * 50 <= wholeBytes ? 'ok' : 'OVER'} 1/${Math.round(wholeBytes / bundle.length)} of whole DB`,
  },
  {
    measure: '  export (select, sign, compress, age-encrypt, write + rename)',
    value: ms(exportMs),
    budget: '≤ 500 ms',
    verdict: `${exportMs <= 500 ? 'ok' : 'OVER'} ${(exportMs / 500).toFixed(2)}× budget; ${(wholeMs / exportMs).toFixed(0)}× faster than whole DB`,
  },
  {
    measure: '  baseline: age-encrypt the whole database file',
    value: `${bytes(wholeBytes)} in ${ms(wholeMs)}`,
    budget: '—',
    verdict: 'baseline',
  },
  {
    measure: `sync: import that bundle (decrypt, verify, validate, LWW apply, audit)`,
    value: ms(importMs),
    budget: '≤ 3× raw',
    verdict: `${importMs <= 3 * rawMs ? 'ok' : 'OVER'} ${(importMs / rawMs).toFixed(2)}× raw`,
  },
  {
    measure: `  baseline: prepared INSERT/UPDATE of the same ${count(rows.length)} ops + ${count(byRow.size)} rows, one transaction`,
    value: ms(rawMs),
    budget: '—',
    verdict: 'baseline',
  },
  {
    measure: `sync: first full bundle for a new workstation (${count(full.manifest.opCount)} ops)`,
    value: `${bytes(full.bytes.length)} (${bytes(full.bytes.length / incidents)} per incident)`,
    budget: '—',
    verdict: `informational: ${(full.bytes.length / wholeBytes).toFixed(2)}× the whole-DB age file; export ${ms(fullExportMs)}`,
  },
  {
    measure: '  its import into the new workstation (decrypt, verify, validate, apply, audit)',
    value: ms(fullImportMs),
    budget: '—',
    verdict: `informational: ${count((incidents * 1000) / fullImportMs)} incidents/s`,
  },
];
console.log(JSON.stringify(result));
