import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { yqJson, yqRunner } from './run-yq.js';

// yq maintenance prune (issue 12.2): superseded operations go, the file is vacuumed, the audit still verifies and
// the incident reads as before (the timeline before and after a prune is compared in
// tests/core/history/prune.test.ts).

const yq = yqRunner(() => Date.parse('2026-12-01T04:00:00Z'));
const json = yqJson(yq);

describe('yq maintenance prune', () => {
  it('prunes superseded status operations, reports counts and bytes, and loses nothing a person sees', async () => {
    const db = join(tempDir(), 'l.db');
    await yq(['--db', db, 'init']);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const incident = await json<{ id: string }>(
        ['--db', db, 'incident', 'add', '--json-in', '-'],
        JSON.stringify({ title: `县城供暖不热 第${i + 1}起`, platform: '微博', foundAt: '2026-11-27 09:30', severity: '一般', categories: ['困难群众生活'] }),
      );
      ids.push(incident.id);
      for (const to of ['处置中', '已回应', '已办结']) await yq(['--db', db, 'incident', 'transition', incident.id, '--to', to]);
    }
    const incidentBefore = await json<unknown[]>(['--db', db, 'incident', 'get', ids[0]!]);
    const report = await json<{ pruned: number; entries: number; kept: number; bytesBefore: number; bytesAfter: number; freedBytes: number }>([
      '--db', db, 'maintenance', 'prune',
    ]);
    // Registration and three moves: three superseded status, reason and updated_at operations per incident.
    expect(report.pruned).toBe(20 * 9);
    expect(report.entries).toBe(20 * 3);
    expect(report.bytesAfter).toBeLessThanOrEqual(report.bytesBefore);
    expect(report.freedBytes).toBe(report.bytesBefore - report.bytesAfter);
    expect((await json<{ ok: boolean }>(['--db', db, 'audit', 'verify'])).ok).toBe(true);
    expect(await json<unknown[]>(['--db', db, 'incident', 'get', ids[0]!])).toEqual(incidentBefore);
    expect((await json<{ pruned: number }>(['--db', db, 'maintenance', 'prune'])).pruned).toBe(0);
  });
});
