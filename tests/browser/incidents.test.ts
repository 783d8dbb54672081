import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { toChinaInputValue } from '../../shared/china-time.js';
import { browserAvailable } from './chromium.js';
import { browserSession, SHOTS } from './session.js';

// Issue 3 end to end in Chromium: register with an attachment → accept a suggested category → record a
// response → its clock stops → a two-character search finds it; screenshots of each stage.

const run = browserAvailable();
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

// A small real PNG made in the test (no fixture file): a screenshot-like picture of coloured bands, so a
// thumbnail can be seen to be the image and not a blank box.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG of horizontal bands in the given colours ([r, g, b] each). */
function bandsPng(width: number, height: number, colours: readonly (readonly [number, number, number])[]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const [r, g, b] = colours[Math.floor((y / height) * colours.length)] ?? [0, 0, 0];
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then pixels
    for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe.skipIf(!run)('incidents and responses in Chromium', () => {
  const session = browserSession({
    setUp: async () => {
      // Some work already on the desk, so the 工作台 and the ledger are not empty.
      const base = { platform: '微博', leadUnit: '县生态环境分局' };
      await seed({ ...base, title: '某化工厂夜间异味扰民，村民聚集', severity: '重大', categories: ['环境'], foundAt: hoursAgo(3) });
      await seed({ ...base, title: '国道货车侧翻致多人受伤', severity: '特别重大', categories: ['安全生产'], foundAt: hoursAgo(6), leadUnit: '县应急管理局' });
      await seed({ ...base, title: '县一中违规收取补课费', severity: '一般', categories: ['教育医疗'], foundAt: hoursAgo(26), leadUnit: '县教育局' });
    },
  });

  /** Registers through the host's door, as another window or the CLI would. */
  const seed = (input: Record<string, unknown>) => session.call('createIncident', input);

  it('register with an attachment → accept a suggestion → respond → clock stops → two-character search finds it', async () => {
    const { page, pageErrors } = await session.newPage();
    await page.goto(session.host.url);
    await page.getByTestId('nav-ledger').click();
    await expect.poll(() => page.getByTestId('incident-total').textContent()).toBe('共 3 条');

    // 登记, with a screenshot attached.
    await page.keyboard.press('n');
    const form = page.getByTestId('register-form');
    await form.getByLabel('标题', { exact: true }).fill('县城某小区供暖不热，居民集体投诉');
    await form.getByLabel('摘要').fill('多名居民在微博反映室温不足16度，物业推诿，要求退还部分取暖费。');
    await form.locator('#reg-platform').fill('微博');
    await form.locator('#reg-foundAt').fill(toChinaInputValue(hoursAgo(2)));
    // The calendar beside a typed time writes the picked China wall-clock time in the app's display form.
    const firstSeen = toChinaInputValue(hoursAgo(3));
    await form.getByTestId('picker-firstSeenAt').fill(firstSeen.replace(' ', 'T'));
    const [day, time] = firstSeen.split(' ');
    const [y, m, d] = (day ?? '').split('-').map(Number);
    expect(await form.locator('#reg-firstSeenAt').inputValue()).toBe(`${y}年${m}月${d}日 ${time}`);
    await form.locator('#reg-platform').fill('12345');
    expect(await form.getByTestId('reg-platform-means').textContent()).toBe('即：12345热线');
    await page.screenshot({ path: join(SHOTS, 'forms-register-top.png') });
    await form.locator('#reg-platform').fill('微博');
    await form.getByTestId('field-severity').getByText('较大', { exact: true }).click();
    await form.locator('#reg-leadUnit').selectOption({ label: '县住建局' });
    const png = bandsPng(240, 160, [
      [29, 79, 145],
      [243, 245, 248],
      [192, 38, 45],
      [30, 123, 70],
    ]);
    await form.getByTestId('register-attachments').setInputFiles({ name: '微博截图.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => form.getByTestId('picked-file').textContent()).toContain('微博截图.png');

    // The suggestion is offered, not applied; accepting it selects the category.
    const hardship = form.getByTestId('field-categories').getByRole('checkbox', { name: '困难群众生活' });
    const suggestion = form.getByTestId('suggest-hardship');
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toContain('困难群众（供暖、取暖）');
    expect(await hardship.isChecked()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'incidents-register.png') });
    // Esc on a half-filled form asks on the page, with the choice to keep editing focused.
    await page.keyboard.press('Escape');
    const question = form.getByTestId('discard-question');
    await question.waitFor();
    expect(await question.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'forms-discard-question.png') });
    await form.getByTestId('discard-keep').click();
    expect(await question.count()).toBe(0);
    await suggestion.click();
    expect(await hardship.isChecked()).toBe(true);
    await page.getByTestId('register-submit').click();

    // The new incident opens at once: attachment thumbnail, running clock.
    const incident = page.getByTestId('incident-page');
    await expect.poll(() => incident.getByTestId('incident-number').textContent()).toBe('YQ-2026-0004');
    const thumb = incident.getByTestId('attachment-thumb');
    await thumb.waitFor();
    expect(await thumb.evaluate((img) => (img instanceof HTMLImageElement ? img.naturalWidth : 0))).toBe(240);
    const clock = incident.getByTestId('clock-48h');
    expect(await clock.getAttribute('data-state')).toBe('running');
    expect(await clock.getByTestId('countdown').textContent()).toMatch(/^剩余 4[56]小时/);

    // Record a response; its clock stops.
    await incident.getByTestId('response-open').click();
    const response = incident.getByTestId('response-form');
    // The form opens below the fold and is brought into view.
    await expect.poll(() => response.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight && el.getBoundingClientRect().top >= 0)).toBe(true);
    // Coded fields take the words people say.
    await response.locator('#resp-method').fill('通报');
    await response.locator('#resp-channel').fill('官方微博');
    await response.locator('#resp-url').fill('https://weibo.com/1234567890/Pq8xYz');
    await response.locator('#resp-content').fill('县住建局已约谈供热企业，即日起逐户测温，室温不达标的按规定退还取暖费。');
    await response.locator('#resp-disposition').fill('实际困难');
    expect(await response.getByTestId('resp-disposition-means').textContent()).toBe('即：实际困难 → 解决情况');
    await page.screenshot({ path: join(SHOTS, 'forms-response-words.png') });
    await response.getByTestId('response-submit').click();
    await expect.poll(() => clock.getAttribute('data-state')).toBe('met');
    expect(await clock.textContent()).toMatch(/已于 \d{4}年\d+月\d+日 \d{2}:\d{2} 回应/);
    await expect.poll(() => incident.getByTestId('incident-timeline').locator('[data-kind="response"]').count()).toBe(1);
    // The page scrolls inside the window; show it from the top, then its lower half.
    await incident.evaluate((el) => el.scrollTo({ top: 0 }));
    await page.screenshot({ path: join(SHOTS, 'incidents-page.png') });
    await incident.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.screenshot({ path: join(SHOTS, 'incidents-page-lower.png') });

    // In the ledger, a two-character search finds it and marks the match.
    await page.keyboard.press('Escape');
    await page.getByTestId('incident-table').waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('供暖');
    await expect.poll(() => page.getByTestId('incident-total').textContent()).toBe('共 1 条');
    const hit = page.locator('[data-testid="incident-row"][data-number="YQ-2026-0004"]');
    await expect.poll(() => hit.locator('mark').first().textContent()).toBe('供暖');
    await page.screenshot({ path: join(SHOTS, 'incidents-search.png') });

    // The clock is stopped in the ledger too: no requirement of this incident is open.
    const open = session.host.ledger.db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number };
    expect(open.n).toBe(1);

    // 工作台: the other incidents' clocks, overdue in red.
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-clock-row').first().waitFor();
    expect(await page.getByTestId('dashboard-clock').textContent()).not.toContain('县城某小区供暖不热');
    await page.screenshot({ path: join(SHOTS, 'incidents-dashboard.png') });
    expect(pageErrors).toEqual([]);
  });
});
