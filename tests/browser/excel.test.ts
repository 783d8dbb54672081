import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseFileInputSchema } from '../../shared/api/desktop.js';
import type { ProgressEvent } from '../../shared/api/events.js';
import { snapshotTables } from '../helpers/ledger-snapshot.js';
import { writeOfficeXlsx } from '../helpers/office-workbooks.js';
import { browserAvailable } from './chromium.js';
import { browserSession, SHOTS } from './session.js';

// The import wizard in Chromium on an office's workbook (填表说明 sheet, merged title, two-row header, a bad date,
// an unknown unit): preview with problems by row and header → map the unknown unit once → import every valid row
// → the ledger shows them; then 导出Excel of the view. Screenshots in test-results/excel-*.png.

const run = browserAvailable();

describe.skipIf(!run)('Excel import wizard in Chromium', () => {
  let workbook = '';

  const session = browserSession({
    prefix: 'yq-e2e-excel-',
    ledger: { now: () => Date.parse('2026-11-28T04:00:00Z') },
    // The office's workbook for 选择文件, and a file in the session's folder for 导出Excel.
    choosePath: (input) => {
      const { mode, defaultName } = chooseFileInputSchema.parse(input);
      return mode === 'open' ? workbook : join(session.dir, defaultName ?? 'out.xlsx');
    },
    setUp: async () => {
      workbook = await writeOfficeXlsx(session.dir);
    },
  });

  it('choose → preview with problems → map the unknown unit → import valid rows → export the view', async () => {
    const { page, pageErrors } = await session.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(session.host.url);
    await page.getByTestId('nav-ledger').click();
    await page.getByTestId('xl-import-open').click();
    const wizard = page.getByTestId('xl-wizard');
    await wizard.getByTestId('xl-preview').waitFor();
    expect(await wizard.getByTestId('xl-summary').textContent()).toBe('共 5 行：可导入 3 行，已导入过 0 行，有问题 2 行');
    expect(await wizard.getByTestId('xl-errors').textContent()).toContain('第 7 行 监测时间：2026年11月31日 不是有效日期（2026年11月只有30天）');
    await page.screenshot({ path: join(SHOTS, 'excel-preview.png'), fullPage: true });

    await wizard.getByLabel('县宇宙局 对应到').fill('县生态环境分局');
    await wizard.getByTestId('xl-recheck').click();
    await wizard.getByTestId('xl-preview').waitFor();
    await expect.poll(async () => wizard.getByTestId('xl-summary').textContent()).toBe('共 5 行：可导入 4 行，已导入过 0 行，有问题 1 行');
    await wizard.getByTestId('xl-skip-invalid').check();
    await wizard.getByTestId('xl-import').click();
    await wizard.getByTestId('xl-done').waitFor();
    expect(await wizard.getByTestId('xl-done').textContent()).toContain('导入完成：新增 4 条，重复 0 条，跳过 1 条');
    await page.screenshot({ path: join(SHOTS, 'excel-done.png'), fullPage: true });
    await wizard.getByRole('button', { name: '关闭' }).last().click();
    await expect.poll(async () => page.getByTestId('incident-total').textContent()).toContain('4');

    await page.getByTestId('xl-export').click();
    await expect.poll(async () => page.getByTestId('xl-message').textContent()).toContain('已导出 4 行');
    expect(existsSync(join(session.dir, '舆情回应台账.xlsx'))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'excel-ledger.png') });
    expect(pageErrors).toEqual([]);
  });
});

describe.skipIf(!run)('取消 while the import writes, in Chromium against the core worker', () => {
  const ROWS = 3000;
  let file = '';
  const session = browserSession({
    prefix: 'yq-e2e-excel-cancel-',
    coreWorker: true,
    choosePath: () => file,
    setUp: () => {
      const lines = ['舆情标题,监测时间,来源,涉及领域,舆情等级,责任单位'];
      for (let i = 0; i < ROWS; i++) lines.push(`某小区第${i + 1}号楼供暖不热,2026-11-${String(1 + (i % 27)).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')},微博,困难群众,一般,县住建局`);
      file = join(session.dir, '大台账.csv');
      writeFileSync(file, `${lines.join('\n')}\n`);
    },
  });

  it('shows the progress of the write, stops it on 取消, and the ledger is as before', async () => {
    const { page, pageErrors } = await session.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(session.host.url);
    const before = snapshotTables(join(session.dir, 'ledger.db'));
    await page.getByTestId('nav-ledger').click();
    await page.getByTestId('xl-import-open').click();
    const wizard = page.getByTestId('xl-wizard');
    await wizard.getByTestId('xl-preview').waitFor({ timeout: 170_000 });
    expect(await wizard.getByTestId('xl-summary').textContent()).toBe(`共 ${ROWS} 行：可导入 ${ROWS} 行，已导入过 0 行，有问题 0 行`);

    // Rows are being written once the core reports a 写入 step past the first row.
    const writing = new Promise<ProgressEvent>((resolve) => {
      const stop = session.host.onProgress((e) => {
        if (e.job === 'importSpreadsheet' && e.phase === '写入' && e.done > 0 && e.done < e.total) {
          stop();
          resolve(e);
        }
      });
    });
    await wizard.getByTestId('xl-import').click();
    const at = await writing;
    expect(at.done).toBeLessThan(ROWS);
    await expect.poll(async () => wizard.getByRole('progressbar').getAttribute('aria-valuenow')).not.toBeNull();
    await page.screenshot({ path: join(SHOTS, 'excel-importing.png') });
    await wizard.getByTestId('xl-cancel').click();
    await wizard.getByTestId('xl-cancelled').waitFor({ timeout: 60_000 });
    expect(await wizard.getByTestId('xl-cancelled').textContent()).toBe('已取消导入，台账未作任何改动');
    // Back on the preview, ready to import again (or close).
    await wizard.getByTestId('xl-import').waitFor();
    await page.screenshot({ path: join(SHOTS, 'excel-cancelled.png') });

    expect(snapshotTables(join(session.dir, 'ledger.db'))).toEqual(before);
    expect(await session.call('verifyAudit', {})).toMatchObject({ ok: true });
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
