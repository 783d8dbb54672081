import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { toChinaInputValue } from '../../shared/china-time.js';
import { type RenderedApp, renderApp } from './render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
});

async function openForm(current: RenderedApp): Promise<HTMLElement> {
  await screen.findByText('共 0 条');
  await current.user.click(screen.getByTestId('register-open'));
  return screen.findByTestId('register-form');
}

/** The message shown under a field of the form, or null. */
function errorOf(form: HTMLElement, field: string): string | null {
  return within(form).getByTestId(`field-${field}`).querySelector('.field-error')?.textContent ?? null;
}

async function total(current: RenderedApp): Promise<number> {
  const page = await current.api.listIncidents({});
  if (!page.ok) throw new Error(page.error.message);
  return page.value.total;
}

/** Fills the required fields with a valid incident found at `foundAt`. */
async function fillMinimal(current: RenderedApp, form: HTMLElement, foundAt: string): Promise<void> {
  const { user } = current;
  const f = within(form);
  await user.type(f.getByLabelText('标题'), '城东污水处理厂夜间偷排');
  await user.type(f.getByLabelText('首发平台'), '抖音');
  await user.clear(f.getByLabelText('发现时间'));
  await user.type(f.getByLabelText('发现时间'), foundAt);
  await user.click(f.getByLabelText('环境污染和生态破坏'));
  await user.click(f.getByLabelText('一般'));
}

describe('登记 form', () => {
  it('registers an incident with two categories; it appears in the table with its number', async () => {
    app = await renderApp();
    const { user } = app;
    const form = await openForm(app);
    const f = within(form);

    // 发现时间 starts as now, China time.
    const foundDefault = f.getByLabelText<HTMLInputElement>('发现时间').value;
    expect(foundDefault).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect([toChinaInputValue(new Date().toISOString()), toChinaInputValue(new Date(Date.now() - 60_000).toISOString())]).toContain(
      foundDefault,
    );

    await user.type(f.getByLabelText('标题'), '某小区外卖店使用过期食材致多人腹泻');
    await user.type(f.getByLabelText('摘要'), '网民在抖音发布视频称，城关镇某外卖店使用过期食材，多名居民就医。');
    await user.type(f.getByLabelText('首发平台'), '抖音');
    await user.type(f.getByLabelText('原帖链接'), 'https://www.douyin.com/video/7300000000000000000');
    await user.type(f.getByLabelText('首发时间'), '2026-03-05 08:10');
    await user.clear(f.getByLabelText('发现时间'));
    await user.type(f.getByLabelText('发现时间'), '2026-03-05 09:30');
    const township = f.getByLabelText<HTMLSelectElement>('涉事地域');
    const firstTownship = township.options[1];
    expect(firstTownship).toBeDefined();
    await user.selectOptions(township, firstTownship?.value ?? '');
    await user.type(f.getByLabelText('涉事单位'), '某外卖店');
    await user.click(f.getByLabelText('食品药品安全'));
    await user.click(f.getByLabelText('环境污染和生态破坏'));
    await user.click(f.getByLabelText('较大'));
    await user.click(f.getByLabelText('负面'));
    await user.selectOptions(f.getByLabelText('牵头单位'), '县市场监管局');
    await user.click(f.getByLabelText('县卫健局'));
    await user.type(f.getByLabelText('领导批示'), '请市场监管局牵头核查，24小时内回应。');
    await user.click(f.getByTestId('register-submit'));

    // The form closes, a confirmation names the new number, the new incident opens, and back in the table its row
    // is the selected one.
    await waitFor(() => expect(screen.queryByTestId('register-form')).toBeNull());
    expect(screen.getByTestId('notice').textContent).toContain('已登记 YQ-2026-0001');
    const opened = await screen.findByTestId('incident-page');
    await waitFor(() => expect(within(opened).getByTestId('incident-number').textContent).toBe('YQ-2026-0001'));
    await user.keyboard('{Escape}');
    const row = await screen.findByTestId('incident-row');
    expect(row.dataset.number).toBe('YQ-2026-0001');
    expect(row.getAttribute('aria-selected')).toBe('true');
    const r = within(row);
    expect(r.getByText('YQ-2026-0001')).toBeTruthy();
    expect(r.getByText('某小区外卖店使用过期食材致多人腹泻')).toBeTruthy();
    expect(r.getByText('食药')).toBeTruthy();
    expect(r.getByText('环境')).toBeTruthy();
    expect(r.getByText('较大')).toBeTruthy();
    expect(r.getByText('抖音')).toBeTruthy();
    expect(r.getByText('2026年3月5日 09:30')).toBeTruthy();
    expect(r.getByText('县市场监管局')).toBeTruthy();
    expect(r.getByText('待研判')).toBeTruthy();
    expect(screen.getByTestId('incident-total').textContent).toBe('共 1 条');

    // What the ledger stored, read back through the contract.
    const page = await app.api.listIncidents({});
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    const [stored] = page.value.rows;
    expect(page.value.total).toBe(1);
    expect(stored).toMatchObject({
      number: 'YQ-2026-0001',
      platform: 'douyin',
      firstSeenAt: '2026-03-05T00:10:00.000Z',
      foundAt: '2026-03-05T01:30:00.000Z',
      townshipId: firstTownship?.value,
      involvedUnit: '某外卖店',
      severity: 'large',
      sentiment: 'negative',
      leadUnitId: 'u-scjgj',
      coUnitIds: ['u-wjj'],
      status: 'triage',
    });
    expect(stored?.categories.toSorted()).toEqual(['environment', 'food_drug']);
  });

  it('an empty form shows each message next to its field and creates nothing', async () => {
    app = await renderApp();
    const form = await openForm(app);
    await app.user.click(within(form).getByTestId('register-submit'));

    expect(errorOf(form, 'title')).toBe('请填写标题');
    expect(errorOf(form, 'categories')).toBe('至少选择一个敏感类别');
    expect(errorOf(form, 'platform')).toBe('请选择首发平台');
    expect(errorOf(form, 'severity')).toBe('请选择等级');
    // 发现时间 was pre-filled with now, so it is fine.
    expect(errorOf(form, 'foundAt')).toBeNull();
    expect(within(form).getByRole('alert').textContent).toContain('有 4 处需要修改');

    // The messages describe their controls, and focus goes to the first one.
    const title = within(form).getByLabelText('标题');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(title.getAttribute('aria-describedby') ?? '')?.textContent).toBe('请填写标题');
    expect(document.activeElement).toBe(title);

    expect(screen.getByTestId('register-form')).toBeTruthy();
    expect(await total(app)).toBe(0);

    // Editing a field clears its message.
    await app.user.type(title, '标题');
    expect(errorOf(form, 'title')).toBeNull();
    expect(errorOf(form, 'categories')).toBe('至少选择一个敏感类别');
  });

  it('a malformed time is caught before anything is sent', async () => {
    app = await renderApp();
    const form = await openForm(app);
    await fillMinimal(app, form, '2026年2月30日');
    await app.user.click(within(form).getByTestId('register-submit'));
    expect(errorOf(form, 'foundAt')).toBe('发现时间：2026年2月30日 不是有效日期（2026年2月只有28天）');
    expect(await total(app)).toBe(0);
  });

  it('shows the core’s refusal next to the field it concerns: 发现时间 in the future', async () => {
    app = await renderApp();
    const form = await openForm(app);
    await fillMinimal(app, form, '2099-01-01 08:00');
    await app.user.click(within(form).getByTestId('register-submit'));

    await waitFor(() => expect(errorOf(form, 'foundAt')).toBe('发现时间不能晚于当前时间'));
    expect(within(form).getByTestId('register-error').textContent).toBe('输入有误：发现时间不能晚于当前时间');
    expect(errorOf(form, 'title')).toBeNull();
    expect(await total(app)).toBe(0);
  });

  it('shows the core’s refusal next to the field it concerns: 首发时间 after 发现时间, then registers once fixed', async () => {
    app = await renderApp();
    const { user } = app;
    const form = await openForm(app);
    await fillMinimal(app, form, '2026-03-05 09:00');
    await user.type(within(form).getByLabelText('首发时间'), '2026-03-05 12:00');
    await user.click(within(form).getByTestId('register-submit'));

    await waitFor(() => expect(errorOf(form, 'firstSeenAt')).toBe('首发时间不能晚于发现时间'));
    expect(errorOf(form, 'foundAt')).toBeNull();
    expect(within(form).getByTestId('register-error').textContent).toContain('首发时间不能晚于发现时间');
    expect(await total(app)).toBe(0);

    await user.clear(within(form).getByLabelText('首发时间'));
    await user.type(within(form).getByLabelText('首发时间'), '2026-03-05 07:45');
    await user.click(within(form).getByTestId('register-submit'));
    await waitFor(() => expect(screen.queryByTestId('register-form')).toBeNull());
    expect((await screen.findByTestId('incident-page')).textContent).toContain('YQ-2026-0001');
    expect(await total(app)).toBe(1);
  });
});
