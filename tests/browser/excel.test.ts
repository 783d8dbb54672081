import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseFileInputSchema } from '../../shared/api/desktop.js';
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
