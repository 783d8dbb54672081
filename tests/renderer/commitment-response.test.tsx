import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerApi } from '../../shared/contract.js';
import { type RenderedApp, renderApp } from './render-app.js';
import { must } from './seed.js';
import { addDays, chinaDateOf } from '../../shared/china-time.js';

// A commitment tied to the response that made it (issue 4), against the real core: the add dialog offers the
// incident's responses (newest first, none chosen by default), the link is stored as the commitment's
// responseId, and the incident page and the commitment's dialog say “源于回应：<date> <time> <方式>”.

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
});

const today = chinaDateOf(Date.now());
const pressDay = addDays(today, -29);
const replyDay = addDays(today, -28);

/** 2026-11-28 → 11月28日, with the year only when it is not this year's — as the UI writes a response's day. */
function day(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${ymd.slice(0, 4) === today.slice(0, 4) ? '' : `${y}年`}${m}月${d}日`;
}

/** An incident answered twice: a press conference, then a reply on the 12345 platform a day later. */
async function answeredIncident(api: LedgerApi) {
  const incident = await must(
    api.createIncident({
      title: '某工地拖欠农民工工资',
      platform: '抖音',
      foundAt: `${addDays(today, -30)} 09:30`,
      severity: '较大',
      categories: ['欠薪'],
      leadUnit: '县人社局',
    }),
  );
  await must(api.transitionIncident({ id: incident.id, to: '处置中' }));
  const press = await must(
    api.addResponse({
      incident: incident.id,
      at: `${pressDay} 14:05`,
      method: '新闻发布会/吹风会',
      channel: '政务微博',
      content: '县人社局通报：已责令施工单位十日内结清全部欠薪',
      unit: '县人社局',
    }),
  );
  const reply = await must(
    api.addResponse({
      incident: incident.id,
      at: `${replyDay} 10:30`,
      method: '网上答复/12345回复',
      channel: '政府网站',
      content: '已转交县住建局核实，核实结果将在五个工作日内通过12345平台答复当事人',
      unit: '县人社局',
    }),
  );
  return { incident, press, reply };
}

async function openIncident(current: RenderedApp, number: string): Promise<HTMLElement> {
  const row = await screen.findByText(number, { selector: '[data-testid="incident-row"] .cell' });
  await current.user.click(row);
  const page = await screen.findByTestId('incident-page');
  await waitFor(() => expect(within(page).getByTestId('incident-number').textContent).toBe(number));
  return page;
}

const optionTexts = (select: HTMLSelectElement) => Array.from(select.options, (o) => o.textContent);

describe('a commitment tied to its response', () => {
  it('is chosen in the add dialog on the incident page, stored, and shown on the page and in the dialog', async () => {
    let fixture: Awaited<ReturnType<typeof answeredIncident>> | undefined;
    app = await renderApp(async ({ api }) => {
      fixture = await answeredIncident(api);
    });
    const { incident, press } = fixture!;
    const { user, api } = app;
    const page = await openIncident(app, incident.number);
    const p = within(page);

    await user.click(p.getByTestId('incident-commitment-add'));
    const form = within(await screen.findByTestId('commitment-form'));
    const select = form.getByLabelText<HTMLSelectElement>('源于回应');
    // None by default; the incident's responses newest first, each by time, 方式 and its first words.
    expect(select.value).toBe('');
    await waitFor(() => expect(select.options).toHaveLength(3));
    expect(optionTexts(select)).toEqual([
      '不关联回应',
      `${day(replyDay)} 10:30 网上答复/12345回复：已转交县住建局核实，核实结果将在五个工作日内通过…`,
      `${day(pressDay)} 14:05 新闻发布会/吹风会：县人社局通报：已责令施工单位十日内结清全部欠薪`,
    ]);

    await user.selectOptions(select, press.id);
    await user.type(form.getByLabelText('承诺内容'), '十日内结清全部欠薪');
    await user.selectOptions(form.getByLabelText('责任单位'), '县人社局');
    await user.type(form.getByLabelText('天数'), '10');
    await user.click(form.getByTestId('commitment-submit'));
    await waitFor(() => expect(screen.queryByTestId('commitment-form')).toBeNull());

    // Stored as the commitment's response…
    const [stored] = await must(api.listCommitments({ incident: incident.number }));
    expect(stored?.responseId).toBe(press.id);

    // …and said on the page and in the commitment's dialog.
    const expected = `源于回应：${day(pressDay)} 14:05 新闻发布会/吹风会`;
    await waitFor(() => expect(p.getByTestId('incident-commitment-response').textContent).toBe(expected));
    await user.click(p.getByTestId('incident-commitment'));
    const dialog = within(await screen.findByTestId('commitment-detail'));
    await waitFor(() => expect(dialog.getByTestId('detail-response').textContent).toBe(`${day(pressDay)} 14:05 新闻发布会/吹风会`));
    expect(dialog.getByText('源于回应', { selector: 'dt' })).toBeTruthy();
  });

  it('stays untied unless chosen; on the board the choice follows the incident number typed', async () => {
    let fixture: Awaited<ReturnType<typeof answeredIncident>> | undefined;
    app = await renderApp(async ({ api }) => {
      fixture = await answeredIncident(api);
    });
    const { incident, reply } = fixture!;
    const { user, api } = app;

    await user.click(screen.getByTestId('nav-commitments'));
    await user.click(await screen.findByTestId('commitment-add'));
    const form = within(await screen.findByTestId('commitment-form'));
    const select = form.getByLabelText<HTMLSelectElement>('源于回应');
    expect(optionTexts(select)).toEqual(['不关联回应']);
    await user.type(form.getByLabelText('舆情事件编号'), incident.number);
    await waitFor(() => expect(select.options).toHaveLength(3));
    await user.selectOptions(select, reply.id);
    // Another incident's number: its responses are not this one's, and the choice falls back to none.
    await user.type(form.getByLabelText('舆情事件编号'), '9');
    await waitFor(() => expect(select.options).toHaveLength(1));
    expect(form.getByText('该事件尚无回应记录。')).toBeTruthy();
    expect(select.value).toBe('');
    await user.type(form.getByLabelText('舆情事件编号'), '{Backspace}');
    await waitFor(() => expect(select.options).toHaveLength(3));
    expect(select.value).toBe(reply.id);

    await user.selectOptions(select, '');
    await user.type(form.getByLabelText('承诺内容'), '一周内回访工人');
    await user.selectOptions(form.getByLabelText('责任单位'), '县人社局');
    await user.type(form.getByLabelText('天数'), '5');
    await user.click(form.getByTestId('commitment-submit'));
    await waitFor(() => expect(screen.queryByTestId('commitment-form')).toBeNull());
    const [stored] = await must(api.listCommitments({ incident: incident.number }));
    expect(stored?.responseId).toBeNull();

    // An untied commitment says nothing about a response, on the board's dialog or on the incident page.
    await user.click(await screen.findByText('一周内回访工人'));
    const dialog = await screen.findByTestId('commitment-detail');
    expect(within(dialog).queryByTestId('detail-response')).toBeNull();
    expect(dialog.textContent).not.toContain('源于回应');
  });
});
