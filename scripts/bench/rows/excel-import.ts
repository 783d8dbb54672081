import * as XLSX from '@e965/xlsx';
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSpreadsheet } from '../../../electron/core/excel/import.js';
import { openLedger } from '../../../electron/core/open-ledger.js';
import { BENCH_NOW } from '../bench-ledger.js';
import type { RowGroup } from '../context.js';
import { count, timeMs } from '../measure.js';
import type { BenchRow } from '../table.js';

// Excel import (DESIGN §8: 10,000 rows ≤ 15 s and ≤ 10× raw prepared inserts of the same rows): an office 台账 of
// `sampleSize` rows — each an incident with a response and a commitment — read, checked and written through the
// ledger's create functions in one transaction, against the floor: the same final incident, response and
// commitment rows inserted with prepared statements into plain tables of the same columns, in one transaction.

const PLATFORMS = ['微博', '抖音', '微信群', '12345平台', '今日头条', '本地论坛'];
const CATEGORIES = ['欠薪', '环境', '教育医疗、食品药品安全', '困难群众', '安全生产', '房地产'];
const UNITS = ['县人社局', '县住建局', '县教育局', '县生态环境分局', '县市场监管局', '县卫健局'];
const TOWNSHIPS = ['羊山镇', '柳城街道', '胜利镇', '瓦房子镇'];
const pad = (n: number) => String(n).padStart(2, '0');

function officeSheet(path: string, rows: number): void {
  const aoa: (string | number)[][] = [
    ['朝阳县舆情回应台账'],
    ['填报单位：县委宣传部'],
    ['序号', '舆情标题', '监测时间', '来源', '涉及领域', '舆情等级', '责任单位', '涉及乡镇（街道）', '回应时间', '回应方式', '回应内容', '承诺内容', '承诺时限', '落实情况'],
  ];
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 10);
    aoa.push([
      i + 1,
      `第${i + 1}号舆情：某小区居民反映问题${i}`,
      `2026年${month}月${day}日 ${pad(8 + (i % 10))}:${pad(i % 60)}`,
      PLATFORMS[i % PLATFORMS.length]!,
      CATEGORIES[i % CATEGORIES.length]!,
      i % 17 === 0 ? '重大' : '一般',
      UNITS[i % UNITS.length]!,
      TOWNSHIPS[i % TOWNSHIPS.length]!,
      `2026-${pad(month)}-${pad(day)} 20:00`,
      '情况通报',
      `已核实并回应第${i}号舆情`,
      `限期整改第${i}号问题`,
      '10个工作日',
      i % 3 === 0 ? '已完成，已整改到位' : '正在推进',
    ]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), '台账');
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

function rawInsert(source: Database.Database, path: string): number {
  const target = new Database(path);
  try {
    target.pragma('journal_mode = WAL');
    target.pragma('synchronous = NORMAL');
    const tables = ['incidents', 'responses', 'commitments'].map((table) => {
      const columns = source.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; pk: number }[];
      target.exec(`CREATE TABLE ${table} (${columns.map((c) => `${c.name} ${c.type}${c.pk ? ' PRIMARY KEY' : ''}`).join(', ')}) STRICT`);
      return {
        rows: source.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[],
        insert: target.prepare(`INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES (${columns.map((c) => `@${c.name}`).join(', ')})`),
      };
    });
    const write = target.transaction(() => {
      for (const { rows, insert } of tables) for (const row of rows) insert.run(row);
    });
    return timeMs(() => write());
  } finally {
    target.close();
  }
}

export const excelImportRows: RowGroup = ({ scratchDir, sampleSize }) => {
  const file = join(scratchDir, 'office.xlsx');
  officeSheet(file, sampleSize);
  const ledger = openLedger({ path: join(scratchDir, 'excel-import.db'), now: () => BENCH_NOW, actor: '基准测试' });
  try {
    let imported = 0;
    const ms = timeMs(() => {
      const report = importSpreadsheet(ledger.ctx, { path: file, skipInvalid: false, dryRun: false });
      if (report.errors.length > 0) throw new Error(`bench sheet has invalid rows: ${JSON.stringify(report.errors.slice(0, 3))}`);
      imported = report.imported;
    });
    const raw = rawInsert(ledger.db, join(scratchDir, 'excel-raw.db'));
    const ratio = ms / raw;
    const rows: BenchRow[] = [
      {
        measure: `raw prepared INSERT of the same ${count(imported)} incidents + responses + commitments, one transaction`,
        value: `${raw.toFixed(0)} ms`,
        budget: '—',
        verdict: 'baseline',
      },
      {
        measure: `Excel import of ${count(sampleSize)} rows (read, check, write through the ledger)`,
        value: `${(ms / 1000).toFixed(1)} s`,
        budget: sampleSize === 10_000 ? '≤ 15 s, ≤ 10× raw' : '≤ 10× raw',
        verdict: `${ratio.toFixed(1)}× raw ${ratio <= 10 && (sampleSize !== 10_000 || ms <= 15_000) ? 'ok' : 'OVER'}`,
      },
    ];
    return rows;
  } finally {
    ledger.close();
  }
};
