import type { Db } from '../open.js';
import { guardTriggersFor } from './guard.js';

// Migration 9: 共性问题 and 反弹 (issue 16).
// Synced fields:
// - responses.group_id: a 共性回应 — one response recorded for many incidents — is one ordinary response row per
//   incident, all sharing this id and written in one mutation. Every reader of responses (the clock, the first-
//   response table, the digest) therefore sees each incident answered with no change, and each row syncs alone.
// - incidents.recurrence_of: the earlier (已办结) incident a confirmed 反弹 flares up from; the earlier one gets a
//   舆情反弹 follow-up in the same mutation. incidents.recurrence_dismissed: the person said it is not a 反弹.
// Derived data (kept by the apply path, never synced):
// - incident_signatures: each incident's MinHash signature of its title and summary bigrams, beside its found_at,
//   so a period's signatures are read by date without touching the wide incidents rows.
// - incident_lsh: the signature's buckets (one per hash function, LSH with one row per band) by day, the index the
//   similar incidents of one incident are found through.
// - shingle_frequency: how many incidents hold each shingle (by hash), what weighs a shared bigram; the signature
//   row keeps its shingle hashes so a change can take them back out.
export const migration = {
  version: 10,
  name: 'similarity',
  sql: `
ALTER TABLE responses ADD COLUMN group_id TEXT;
CREATE INDEX responses_group ON responses(group_id) WHERE group_id IS NOT NULL;
ALTER TABLE incidents ADD COLUMN recurrence_of TEXT;
ALTER TABLE incidents ADD COLUMN recurrence_dismissed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX incidents_recurrence ON incidents(recurrence_of) WHERE recurrence_of IS NOT NULL;

CREATE TABLE incident_signatures (
  incident_rowid INTEGER PRIMARY KEY,
  found_at TEXT NOT NULL,
  sig BLOB NOT NULL,
  shingles BLOB NOT NULL
) STRICT;
CREATE INDEX incident_signatures_found ON incident_signatures(found_at);

CREATE TABLE incident_lsh (
  bucket INTEGER NOT NULL,
  day INTEGER NOT NULL,
  incident_rowid INTEGER NOT NULL,
  PRIMARY KEY (bucket, day, incident_rowid)
) STRICT, WITHOUT ROWID;

CREATE TABLE shingle_frequency (
  hash INTEGER PRIMARY KEY,
  docs INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
${guardTriggersFor(['incident_signatures', 'incident_lsh', 'shingle_frequency'])}
`,
  /**
   * A ledger made before similarity existed gets every incident's signature once, here — computed by the code of
   * this migration's time written out below (a later change to similarity rebuilds the rows in its own migration).
   * tests/core/similarity/signatures.test.ts checks it gives what the apply path gives today.
   */
  backfill(db: Db) {
    const rows = db.prepare('SELECT rowid, title, summary, found_at FROM incidents WHERE deleted = 0').all() as {
      rowid: number;
      title: string;
      summary: string;
      found_at: string;
    }[];
    const signature = db.prepare('INSERT INTO incident_signatures (incident_rowid, found_at, sig, shingles) VALUES (?, ?, ?, ?)');
    const bucket = db.prepare('INSERT OR IGNORE INTO incident_lsh (bucket, day, incident_rowid) VALUES (?, ?, ?)');
    const frequency = db.prepare('INSERT INTO shingle_frequency (hash, docs) VALUES (?, 1) ON CONFLICT(hash) DO UPDATE SET docs = docs + 1');
    for (const row of rows) {
      const shingles = shinglesV9(`${row.title}\n${row.summary}`);
      if (shingles.length === 0 || !row.found_at) continue;
      const sig = signatureV9(shingles);
      const hashes = Uint32Array.from(new Set(shingles.map(hashV9))).sort();
      signature.run(row.rowid, row.found_at, Buffer.from(sig.buffer), Buffer.from(hashes.buffer));
      for (const hash of hashes) frequency.run(hash);
      const day = Math.floor(Date.parse(row.found_at) / 86_400_000);
      sig.forEach((v, i) => bucket.run(i * 0x1_0000_0000 + v, day, row.rowid));
    }
  },
};

// Shingles and MinHash as of migration 9 (electron/core/similarity/shingles.ts, minhash.ts, stop-bigrams.ts).
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2fa1f}';
const TOKEN = new RegExp(`[${HAN}]+|(?:(?![${HAN}])[\\p{L}\\p{N}])+`, 'gu');
const IS_CJK = new RegExp(`^[${HAN}]`, 'u');
const WORTHLESS = /^[\p{N}\p{P}]+$/u;
const STOP_WORDS_V9 = `
的了 了的 是的 在的 和的 也是 就是 还是 但是 因为 所以 如果 虽然 已经 目前 现在 今天 昨天 近日 日前 近期 此前
一个 一些 这个 那个 这些 那些 这里 那里 什么 怎么 为什么 没有 不是 可以 不能 不会 能够 需要 应该 进行 表示 认为
网友 网民 市民 居民 群众 村民 业主 家长 反映 投诉 举报 发帖 发布 称 视频 帖子 留言 网上 网传 曝光 关注 热议
希望 要求 请求 呼吁 尽快 及时 解决 处理 协调 相关 部门 有关 单位 问题 情况 事件 事情 情况 存在 导致 造成
我们 他们 你们 自己 大家 记者 领导 政府 工作 人员 多次 一直 至今 仍然 依然 始终 还有 以及 并且 而且 对此
`;
const STOP_V9 = new Set(
  STOP_WORDS_V9.split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => {
      const chars = [...word];
      return chars.length < 2 ? [] : chars.slice(1).map((c, i) => chars[i]! + c);
    }),
);

function shinglesV9(text: string): string[] {
  const out = new Set<string>();
  for (const token of text.match(TOKEN) ?? []) {
    const grams = IS_CJK.test(token) ? [...token].slice(1).map((c, i) => [...token][i]! + c) : [token.toLowerCase()];
    for (const gram of grams) {
      if ([...gram].length < 2 || WORTHLESS.test(gram) || STOP_V9.has(gram)) continue;
      out.add(gram);
    }
  }
  return [...out];
}

function hashV9(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mixV9(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS_V9 = Array.from({ length: 24 }, (_, i) => mixV9(0x9e3779b9 + i * 0x632be5ab, 0x5bd1e995));

function signatureV9(shingles: readonly string[]): Uint32Array {
  const sig = new Uint32Array(24).fill(0xffffffff);
  for (const shingle of shingles) {
    const h = hashV9(shingle);
    for (let i = 0; i < 24; i += 1) {
      const v = mixV9(h, SEEDS_V9[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}
