import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type RenderedApp, renderApp } from './render-app.js';
import { addIncident, hoursAgo } from './seed.js';

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
});

/** Opens the incident page by clicking its row in the ledger. */
async function openByClick(current: RenderedApp, number: string): Promise<HTMLElement> {
  const row = await screen.findByText(number, { selector: '[data-testid="incident-row"] .cell' });
  await current.user.click(row);
  const page = await screen.findByTestId('incident-page');
  await waitFor(() => expect(within(page).getByTestId('incident-number').textContent).toBe(number));
  return page;
}

// A 1×1 PNG.
const PNG_BYTES = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

describe('incident page', () => {
  it('a recorded response stops its clock; the response and the timeline show it', async () => {
    app = await renderApp((installed) =>
      addIncident(installed, { title: '某小区供暖不热，居民集体投诉', severity: '较大', foundAt: hoursAgo(2), categories: ['困难群众'] }),
    );
    const { user } = app;
    const page = await openByClick(app, 'YQ-2026-0001');
    const p = within(page);
    expect(p.getByRole('heading', { name: '某小区供暖不热，居民集体投诉' })).toBeTruthy();

    // 较大 → one requirement: respond within 48 h of 发现时间, counting down.
    const clock = await p.findByTestId('clock-48h');
    expect(clock.dataset.state).toBe('running');
    expect(within(clock).getByText('48小时内回应')).toBeTruthy();
    expect(within(clock).getByTestId('countdown').textContent).toMatch(/^剩余 4[56]小时(\d+分)?$/);

    await user.click(p.getByTestId('response-open'));
    const form = await p.findByTestId('response-form');
    const f = within(form);
    // Nothing chosen yet: each message next to its field, nothing stored.
    await user.click(f.getByTestId('response-submit'));
    expect(f.getByTestId('response-error-method').textContent).toBe('请选择回应方式');
    expect(f.getByTestId('response-error-content').textContent).toBe('请填写回应内容');

    // Coded fields take the words people say: 通报 is 情况通报, 官方微博 is 政务微博, 实际困难 is the 80号 category.
    await user.type(f.getByLabelText('回应方式'), '通报');
    expect(f.getByTestId('resp-method-means').textContent).toBe('即：情况通报');
    await user.type(f.getByLabelText('发布渠道'), '官方微博');
    await user.type(f.getByLabelText('链接'), 'https://weibo.com/1234567890/Abc');
    await user.type(f.getByLabelText('回应内容'), '县住建局已约谈供热公司，今日起逐户测温，室温不达标的退还供暖费。');
    await user.type(f.getByLabelText('分类处置（80号）'), '实际困难');
    expect(f.getByTestId('resp-disposition-means').textContent).toBe('即：实际困难 → 解决情况');
    // The lead unit answers unless changed.
    expect(f.getByLabelText<HTMLSelectElement>('回应单位').selectedOptions[0]?.textContent).toBe('县住建局');
    await user.click(f.getByTestId('response-submit'));

    await waitFor(() => expect(p.getByTestId('clock-48h').dataset.state).toBe('met'));
    expect(p.getByTestId('clock-48h').textContent).toMatch(/已于 \d{4}年\d+月\d+日 \d{2}:\d{2} 回应/);
    expect(within(p.getByTestId('clock-48h')).queryByTestId('countdown')).toBeNull();
    expect(p.queryByTestId('response-form')).toBeNull();
    const item = p.getByTestId('response-item');
    expect(within(item).getByText('情况通报')).toBeTruthy();
    expect(within(item).getByText('政务微博')).toBeTruthy();
    expect(item.textContent).toContain('逐户测温');

    const timeline = p.getByTestId('incident-timeline');
    await waitFor(() => expect(timeline.querySelector('[data-kind="response"]')).not.toBeNull());
    expect(timeline.querySelector('[data-kind="registered"]')).not.toBeNull();

    // What the ledger holds.
    const clocks = await app.api.listClock({ includeMet: true });
    expect(clocks.ok && clocks.value.map((c) => [c.requirement, c.metAt !== null])).toEqual([['48h', true]]);
    const incidentId = clocks.ok ? clocks.value[0]?.incidentId : undefined;
    const responses = await app.api.listResponses({ incident: incidentId ?? '' });
    expect(responses.ok && responses.value.map((r) => [r.method, r.channel, r.disposition])).toEqual([['briefing', 'gov_weibo', 'solve']]);
  });

  it('edits a field in place, and shows refusals next to that field', async () => {
    app = await renderApp((installed) => addIncident(installed, { title: '城关镇菜市场周边污水横流' }));
    const { user } = app;
    const page = await openByClick(app, 'YQ-2026-0001');
    const p = within(page);

    const title = p.getByTestId('detail-title');
    await user.click(within(title).getByRole('button', { name: '编辑标题' }));
    await user.clear(within(title).getByLabelText('标题'));
    await user.click(within(title).getByRole('button', { name: '保存' }));
    expect(within(title).getByTestId('detail-error-title').textContent).toBe('请填写标题');
    expect(within(title).getByLabelText('标题').getAttribute('aria-invalid')).toBe('true');

    // The core's refusal, in its own words, next to the field it is about.
    const found = p.getByTestId('detail-foundAt');
    await user.click(within(found).getByRole('button', { name: '编辑发现时间' }));
    await user.clear(within(found).getByLabelText('发现时间'));
    await user.type(within(found).getByLabelText('发现时间'), '2099-01-01 08:00');
    await user.click(within(found).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(found).getByTestId('detail-error-foundAt').textContent).toBe('发现时间不能晚于当前时间'));

    // Fixing the title saves it; the header follows and the timeline records the edit.
    await user.type(within(title).getByLabelText('标题'), '城关镇菜市场周边污水横流，居民投诉');
    await user.click(within(title).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(p.getByRole('heading', { level: 2, name: '城关镇菜市场周边污水横流，居民投诉' })).toBeTruthy());
    expect(within(title).queryByTestId('detail-error-title')).toBeNull();
    await waitFor(() => expect(p.getByTestId('incident-timeline').querySelector('[data-kind="edited"]')).not.toBeNull());

    // Choices edit as choices.
    const severity = p.getByTestId('detail-severity');
    await user.click(within(severity).getByRole('button', { name: '编辑等级' }));
    await user.selectOptions(within(severity).getByLabelText('等级'), '重大');
    await user.click(within(severity).getByRole('button', { name: '保存' }));
    // 重大 brings the 5 h and 24 h requirements.
    await waitFor(() => expect(p.getByTestId('clock-5h')).toBeTruthy());
    expect(p.getByTestId('clock-24h')).toBeTruthy();
  });

  it('suggests categories from the title as it is edited, and adds one only when it is clicked', async () => {
    app = await renderApp((installed) => addIncident(installed, { title: '某工地负责人失联' }));
    const { user } = app;
    const page = await openByClick(app, 'YQ-2026-0001');
    const p = within(page);
    expect(p.queryByTestId('suggest-wages')).toBeNull();

    const title = p.getByTestId('detail-title');
    await user.click(within(title).getByRole('button', { name: '编辑标题' }));
    await user.type(within(title).getByLabelText('标题'), '，工人讨薪无果');
    // Offered while typing, before anything is saved; leaving the editor takes the offer back.
    expect(p.getByTestId('suggest-wages').textContent).toContain('讨薪');
    await user.click(within(title).getByRole('button', { name: '取消' }));
    expect(p.queryByTestId('suggest-wages')).toBeNull();

    await user.click(within(title).getByRole('button', { name: '编辑标题' }));
    await user.type(within(title).getByLabelText('标题'), '，拖欠农民工工资');
    await user.click(within(title).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(p.getByRole('heading', { level: 2, name: '某工地负责人失联，拖欠农民工工资' })).toBeTruthy());
    const incident = await app.api.getIncident({ id: 'YQ-2026-0001' });
    expect(incident.ok && incident.value.categories).toEqual(['other']); // suggested, never applied by itself

    await user.click(p.getByTestId('suggest-wages'));
    await waitFor(() => expect(p.queryByTestId('suggest-wages')).toBeNull());
    const after = await app.api.getIncident({ id: 'YQ-2026-0001' });
    expect(after.ok && after.value.categories).toEqual(['other', 'wages']);
  });

  it('offers only the moves the workflow allows, asking for a reason where it must', async () => {
    app = await renderApp((installed) => addIncident(installed, { title: '网传某中学食堂饭菜变质' }));
    const { user } = app;
    const page = await openByClick(app, 'YQ-2026-0001');
    const actions = within(within(page).getByTestId('status-actions'));
    expect(actions.getAllByRole('button').map((b) => b.textContent)).toEqual(['开始处置', '无需回应']);

    await user.click(actions.getByRole('button', { name: '无需回应' }));
    await user.click(actions.getByRole('button', { name: '确定' }));
    expect(actions.getByTestId('status-error').textContent).toBe('请填写理由');
    await user.type(actions.getByLabelText('无需回应的理由（必填）'), '经核实为外地旧闻，与本县无关');
    await user.click(actions.getByRole('button', { name: '确定' }));

    await waitFor(() => expect(within(page).getByText('状态说明：经核实为外地旧闻，与本县无关')).toBeTruthy());
    expect(actions.getAllByRole('button').map((b) => b.textContent)).toEqual(['恢复待研判']);
    const stored = await app.api.listIncidents({});
    expect(stored.ok && stored.value.rows[0]?.status).toBe('no_response');
  });

  it('adds an attachment and shows an image as a thumbnail', async () => {
    app = await renderApp((installed) => addIncident(installed, { title: '某镇垃圾填埋场渗滤液外溢' }));
    const { user } = app;
    const page = await openByClick(app, 'YQ-2026-0001');
    const panel = within(within(page).getByTestId('incident-attachments'));
    expect(panel.getByText('暂无附件。')).toBeTruthy();

    await user.upload(panel.getByTestId('attachment-input'), new File([PNG_BYTES], '现场截图.png', { type: 'image/png' }));
    const thumb = await panel.findByTestId('attachment-thumb');
    expect(thumb.getAttribute('src')).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(thumb.getAttribute('alt')).toBe('现场截图.png');
    expect(panel.getByRole('button', { name: '用系统程序打开“现场截图.png”' })).toBeTruthy();
    await waitFor(() => expect(within(page).getByTestId('incident-timeline').querySelector('[data-kind="attachment"]')).not.toBeNull());
  });
});
