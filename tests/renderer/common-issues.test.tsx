import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type RenderedApp, renderApp } from './render-app.js';
import { addIncident, hoursAgo, must } from './seed.js';

// 共性问题 in the window, on the real core: the 工作台 panel, the ledger's 同一问题 filter, the incident page's
// "同一问题的其他 N 起" with a 共性回应 for all of them, and the 疑似反弹 offered while registering.

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
});

const HEATING = [
  ['幸福家园小区供暖不热，室温只有十几度', '网友反映幸福家园小区暖气一直不热，家中室温只有14度，给供热公司打电话没人管。'],
  ['锦绣华庭暧气不热', '业主称锦绣华庭3号楼暖气温度不达标，室温不到16度，供热公司说管网压力不够。'],
  ['阳光小区居民反映暖气片冰凉', '阳光小区多户居民反映已交取暖费但暖气不热，室内温度不达标，要求供热公司尽快整改。'],
] as const;

describe('共性问题 in the window', () => {
  it('shows this week’s group on the 工作台, filters the ledger to it, and answers it once from an incident page', async () => {
    app = await renderApp(async (installed) => {
      for (const [i, [title, summary]] of HEATING.entries()) {
        await addIncident(installed, { title, summary, categories: ['困难群众'], foundAt: hoursAgo(0.3 - i * 0.1) });
      }
      await addIncident(installed, { title: '超市售卖过期面包', summary: '消费者称买到过期面包。', categories: ['食药'], foundAt: hoursAgo(0.05) });
    });
    const { user } = app;
    await user.click(screen.getByRole('button', { name: '工作台' }));
    const panel = await screen.findByTestId('dashboard-common');
    const issue = await within(panel).findByTestId('common-issue');
    expect(issue.textContent).toContain('3 起');
    expect(issue.textContent).toContain('已回应 0/3 起');
    expect(issue.textContent).toMatch(/供热公司|室温|暖气/);

    await user.click(within(issue).getByRole('button', { name: '在台账中查看' }));
    expect(await screen.findByTestId('same-issue-filter')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('incident-total').textContent).toBe('共 3 条'));
    await user.click(screen.getByRole('button', { name: '取消“同一问题”筛选' }));
    await waitFor(() => expect(screen.getByTestId('incident-total').textContent).toBe('共 4 条'));

    // The incident page: the two others, and one 共性回应 for the three.
    await user.click(screen.getByRole('button', { name: '工作台' }));
    const again = await within(await screen.findByTestId('dashboard-common')).findByTestId('common-issue');
    await user.click(within(again).getAllByRole('button').find((b) => b.textContent?.startsWith('YQ-'))!);
    const same = await screen.findByTestId('incident-same-issue');
    await waitFor(() => expect(within(same).getByRole('heading').textContent).toBe('同一问题的其他 2 起'));
    await user.click(within(same).getByTestId('joint-response-open'));
    const form = within(same).getByTestId('response-form');
    await user.type(within(form).getByLabelText(/回应方式/), '情况通报');
    await user.type(within(form).getByLabelText(/发布渠道/), '政务微博');
    await user.type(within(form).getByLabelText(/回应内容/), '县住建局通报：已督促供热公司加压供热。');
    await user.click(within(form).getByRole('button', { name: /保存|记录/ }));
    await waitFor(() => expect(within(screen.getByTestId('incident-responses')).getByText('共性回应（同时回应 3 起）')).toBeTruthy());
    const clock = await must(app.api.listClock({}));
    expect(clock.map((e) => e.title)).toEqual(['超市售卖过期面包']);
  });

  it('offers a closed matter as 疑似反弹 while registering, and records the confirmed 反弹', async () => {
    let earlierId = '';
    app = await renderApp(async (installed) => {
      const earlier = await addIncident(installed, {
        title: '大凌河有人夜间非法采砂',
        summary: '村民反映大凌河河道内每天夜里都有挖掘机非法采砂，河床被挖得坑坑洼洼。',
        categories: ['环境'],
        foundAt: hoursAgo(24 * 40),
      });
      earlierId = earlier.id;
      await must(installed.api.addResponse({ incident: earlier.id, at: hoursAgo(24 * 39), method: '情况通报', channel: '政务微博', content: '已查扣采砂设备。', unit: '县住建局' }));
      await must(installed.api.transitionIncident({ id: earlier.id, to: '已办结' }));
    });
    const { user } = app;
    await user.click(screen.getByTestId('register-open'));
    const f = within(await screen.findByTestId('register-form'));
    await user.type(f.getByLabelText('标题'), '大凌河非法采砂又死灰复燃');
    await user.type(f.getByLabelText('摘要'), '网友发视频称大凌河夜间又有挖掘机非法采砂，河道被挖出深坑。');
    const suggestion = await screen.findByTestId('recurrence-suggestion', {}, { timeout: 3000 });
    expect(suggestion.textContent).toContain('大凌河有人夜间非法采砂');
    await user.click(within(suggestion).getByTestId('recurrence-confirm'));
    expect(screen.getByTestId('recurrence-confirmed').textContent).toContain('YQ-');
    await user.type(f.getByLabelText('首发平台'), '抖音');
    await user.click(f.getByLabelText('环境污染和生态破坏'));
    await user.click(f.getByLabelText('一般'));
    await user.click(f.getByTestId('register-submit'));
    await waitFor(async () => {
      const page = await must(app!.api.listIncidents({ text: '死灰复燃' }));
      expect(page.rows).toHaveLength(1);
      const later = await must(app!.api.getIncident({ id: page.rows[0]!.id }));
      expect(later.recurrenceOf).toBe((await must(app!.api.getIncident({ id: earlierId }))).number);
    });
  });
});
