import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../electron/core/calendar/calendar.js';
import { addWorkdays } from '../../electron/core/calendar/workdays.js';
import { createDispatcher, createHandlers } from '../../electron/core/service.js';
import { browserAvailable } from './chromium.js';
import { browserSession, SHOTS } from './session.js';
import { addDays, chinaDateOf } from '../../shared/china-time.js';

// 承诺督办 end to end in Chromium: add a commitment due in 5 working days → it appears on the board under its
// unit → record fulfilment and 公开情况 → the incident can close. Screenshots in test-results/commitments-*.png.

const run = browserAvailable();

describe.skipIf(!run)('承诺督办 in Chromium', () => {
  let incidentNumber = '';
  const today = chinaDateOf(Date.now());

  const session = browserSession({
    setUp: async () => {
      // An incident already answered (the registering and responding flows have their own tests).
      const call = createDispatcher(createHandlers(session.host.ledger));
      const created = await call('createIncident', {
        title: '县城某小区供暖不热，居民集体投诉',
        platform: '微博',
        foundAt: `${addDays(today, -3)} 09:30`,
        severity: '较大',
        categories: ['困难群众生活'],
        leadUnit: '县住建局',
      });
      if (!created.ok) throw new Error(created.error.message);
      incidentNumber = (created.value as { number: string }).number;
      for (const to of ['处置中', '已回应']) {
        const moved = await call('transitionIncident', { id: incidentNumber, to });
        if (!moved.ok) throw new Error(moved.error.message);
      }
    },
  });

  it('add a commitment due in 5 working days → on the board under its unit → fulfil and publish → close the incident', async () => {
    const { page, pageErrors } = await session.newPage();
    await page.goto(session.host.url);
    await page.getByTestId('nav-commitments').click();
    await page.getByTestId('commitment-board').waitFor();

    await page.getByTestId('commitment-add').click();
    const form = page.getByTestId('commitment-form');
    await form.getByLabel('舆情事件编号').fill(incidentNumber);
    await form.getByLabel('承诺内容').fill('5个工作日内完成小区供热管网检修，室温达到18度');
    await form.getByLabel('责任单位').selectOption({ label: '县住建局' });
    await form.getByLabel('责任人').fill('李强');
    await form.getByLabel('天数').fill('5');
    const due = addWorkdays(createCalendar(), today, 5);
    await expect.poll(() => form.getByTestId('deadline-preview').textContent()).toContain(`期限：${due}`);
    await page.screenshot({ path: join(SHOTS, 'commitments-add.png') });
    await page.getByTestId('commitment-submit').click();
    await form.waitFor({ state: 'detached' });

    const unit = page.locator('[data-testid="commitment-unit"][data-unit="县住建局"]');
    const card = unit.locator(`[data-testid="commitment-card"][data-number="${incidentNumber}-C1"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('5个工作日内完成小区供热管网检修');
    // 5 working days ahead is "later" (beyond the 3-working-day horizon).
    expect(await unit.getByTestId('bucket-later').textContent()).toContain('5个工作日内完成小区供热管网检修');
    await page.screenshot({ path: join(SHOTS, 'commitments-board.png') });

    await card.click();
    const detail = page.getByTestId('commitment-detail');
    await expect.poll(() => detail.getByTestId('closing-check').textContent()).toContain('未记录公开情况');
    await detail.getByLabel('承诺状态').selectOption({ label: '已兑现' });
    await detail.getByLabel('兑现情况（做了什么、佐证材料）').fill('已完成管网检修，回访测温18.5度');
    await detail.getByLabel('已公开').check();
    await detail.getByLabel('公开渠道').fill('政府网站');
    await detail.getByLabel('公开时间').fill(`${addDays(today, -1)} 16:00`);
    await detail.getByLabel('链接').fill('https://www.example.gov.cn/gk/2026/1');
    await detail.getByTestId('commitment-save').click();
    await expect.poll(() => detail.getByTestId('detail-status').textContent()).toContain('已兑现');
    await expect.poll(() => detail.getByTestId('closing-check').textContent()).toContain('可以办结');
    await page.screenshot({ path: join(SHOTS, 'commitments-fulfilled.png') });

    await detail.getByTestId('incident-close').click();
    await expect.poll(() => detail.getByTestId('closing-check').textContent()).toContain(`${incidentNumber} 已办结`);
    await page.screenshot({ path: join(SHOTS, 'commitments-closed.png') });

    // The same state is in the real database behind the page.
    const stored = session.host.ledger.db
      .prepare("SELECT c.status, c.pub_state, c.pub_channel, i.status AS incident FROM commitments c JOIN incidents i ON i.id = c.incident_id")
      .all();
    expect(stored).toEqual([{ status: 'fulfilled', pub_state: 'published', pub_channel: 'gov_website', incident: 'closed' }]);
    expect(pageErrors).toEqual([]);
  });

  it('previews a unit’s 督办单 and exports it to PDF through the print path', async () => {
    const call = createDispatcher(createHandlers(session.host.ledger));
    const reopened = await call('transitionIncident', { id: incidentNumber, to: '跟踪落实', reason: '新增整改承诺' });
    expect(reopened.ok).toBe(true);
    const added = await call('addCommitment', {
      incident: incidentNumber,
      content: '督促物业公司公开整改方案并接受居民监督',
      unit: '县住建局',
      promisedAt: `${addDays(today, -3)} 10:00`,
      deadline: { date: addDays(today, -1) },
    });
    expect(added.ok).toBe(true);
    const page = await session.browser.context.newPage();
    await page.goto(session.host.url);
    await page.getByTestId('nav-commitments').click();
    await expect.poll(() => page.getByTestId('nav-commitments-badge').textContent()).toBe('1');
    const unit = page.locator('[data-testid="commitment-unit"][data-unit="县住建局"]');
    await unit.getByTestId('sheet-open').click();
    const frame = page.frameLocator('[data-testid="sheet-frame"]');
    await frame.getByText('承诺事项督办单', { exact: true }).waitFor();
    expect(await frame.locator('body').textContent()).toContain('督促物业公司公开整改方案');
    await page.screenshot({ path: join(SHOTS, 'commitments-sheet-preview.png') });
    await page.getByTestId('sheet-pdf').click();
    await expect.poll(() => page.getByText(/已导出 PDF：.*\.pdf/).count(), { timeout: 30_000 }).toBe(1);
  }, 60_000);
});
