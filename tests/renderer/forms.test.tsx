import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RenderedApp, renderApp } from './render-app.js';
import { addIncident, hoursAgo, must } from './seed.js';

// The one form layer as a person meets it: the calendar beside typed times (China time whatever the OS zone),
// coded fields that take the words people say, a question before half-filled input is dropped, forms that come
// into view, and required fields marked — on the 登记 dialog and the incident page's forms, against the real core.

let app: RenderedApp | undefined;
afterEach(() => {
  app?.teardown();
  app = undefined;
  vi.restoreAllMocks();
});

// A workstation far from China: the picker's wall-clock value must still be read as China time.
const zoneBefore = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = zoneBefore;
});

async function openRegister(current: RenderedApp): Promise<HTMLElement> {
  await screen.findByText(/^共 \d+ 条$/);
  await current.user.click(screen.getByTestId('register-open'));
  return screen.findByTestId('register-form');
}

async function openIncidentPage(current: RenderedApp, number: string): Promise<HTMLElement> {
  await current.user.click(await screen.findByText(number, { selector: '[data-testid="incident-row"] .cell' }));
  const page = await screen.findByTestId('incident-page');
  await waitFor(() => expect(within(page).getByTestId('incident-number').textContent).toBe(number));
  return page;
}

const requiredLabels = (form: HTMLElement) => Array.from(form.querySelectorAll('.field-required > .field-label'), (l) => l.textContent);

describe('date-time picker beside typed times', () => {
  it('fills the text field in the display form, read as China time on a New York workstation', async () => {
    expect(new Date(Date.UTC(2026, 2, 5)).getTimezoneOffset()).not.toBe(-480);
    app = await renderApp();
    const { user } = app;
    const form = await openRegister(app);
    const f = within(form);
    const found = f.getByLabelText<HTMLInputElement>('发现时间');
    const calendar = within(f.getByTestId('field-foundAt')).getByRole('button', { name: '打开日历' });
    expect(calendar.getAttribute('title')).toBe('从日历选择发现时间');

    // The picker opens at what is typed: a written date in any form the parser reads.
    await user.clear(found);
    await user.type(found, '2026年3月5日 9:30');
    await user.click(calendar);
    expect(f.getByTestId<HTMLInputElement>('picker-foundAt').value).toBe('2026-03-05T09:30');

    // What is picked is written into the text field as the app shows dates.
    fireEvent.change(f.getByTestId('picker-foundAt'), { target: { value: '2026-03-04T15:05' } });
    expect(found.value).toBe('2026年3月4日 15:05');
    fireEvent.change(f.getByTestId('picker-firstSeenAt'), { target: { value: '2026-03-04T08:00' } });
    expect(f.getByLabelText<HTMLInputElement>('首发时间').value).toBe('2026年3月4日 08:00');

    await user.type(f.getByLabelText('标题'), '县城北路积水严重');
    await user.type(f.getByLabelText('首发平台'), '微博');
    await user.click(f.getByLabelText('其他'));
    await user.click(f.getByLabelText('一般'));
    await user.click(f.getByTestId('register-submit'));
    await waitFor(() => expect(screen.queryByTestId('register-form')).toBeNull());
    const [stored] = (await must(app.api.listIncidents({}))).rows;
    // 15:05 in China is 07:05 UTC, whatever zone this process runs in.
    expect(stored?.foundAt).toBe('2026-03-04T07:05:00.000Z');
    expect(stored?.firstSeenAt).toBe('2026-03-04T00:00:00.000Z');
  });

  it('a commitment deadline date picked from the calendar is the date the ledger keeps', async () => {
    let number = '';
    app = await renderApp(async (installed) => {
      number = (await addIncident(installed, { title: '城南小学门口路灯不亮' })).number;
    });
    const { user } = app;
    const page = await openIncidentPage(app, number);
    await user.click(within(page).getByTestId('incident-commitment-add'));
    const form = within(await screen.findByTestId('commitment-form'));
    await user.click(form.getByLabelText('具体日期'));
    // The deadline's parts are one question: the schema's message on deadline.date is said under it.
    await user.click(form.getByTestId('commitment-submit'));
    expect((await form.findByTestId('cm-error-deadline')).textContent).toContain('期限日期');
    fireEvent.change(form.getByTestId('picker-date'), { target: { value: '2030-12-31' } });
    expect(form.getByLabelText<HTMLInputElement>('期限日期').value).toBe('2030年12月31日');
    await waitFor(() => expect(form.getByTestId('deadline-preview').textContent).toContain('期限：2030-12-31'));
    await user.type(form.getByLabelText('承诺内容'), '年底前更换全部路灯');
    await user.selectOptions(form.getByLabelText('责任单位'), '县住建局');
    await user.click(form.getByTestId('commitment-submit'));
    await waitFor(() => expect(screen.queryByTestId('commitment-form')).toBeNull());
    const [stored] = await must(app.api.listCommitments({ incident: number }));
    expect(stored?.deadline).toBe('2030-12-31');
  });
});

describe('coded fields take the words people say', () => {
  it('登记: 欠薪 chooses 工资拖欠, 12345 is the hotline platform, 切身利益 the 61号 type', async () => {
    app = await renderApp();
    const { user } = app;
    const form = await openRegister(app);
    const f = within(form);
    const wages = f.getByRole('checkbox', { name: '工资拖欠' });
    expect((wages as HTMLInputElement).checked).toBe(false);
    await user.type(f.getByTestId('category-word'), '欠薪{Enter}');
    expect((wages as HTMLInputElement).checked).toBe(true);
    expect(f.getByTestId('category-word-said').textContent).toBe('已选：工资拖欠');
    expect(f.getByTestId<HTMLInputElement>('category-word').value).toBe('');
    // A word that names no category says so and chooses nothing.
    await user.type(f.getByTestId('category-word'), '天气{Enter}');
    expect(f.getByTestId('category-word-said').textContent).toBe('没有名为“天气”的类别');
    expect(Array.from(form.querySelectorAll<HTMLInputElement>('[data-testid="field-categories"] .chips input:checked'), (c) => c.value)).toEqual(['wages']);

    // The list offers the words, each with the label it means.
    const platform = f.getByLabelText<HTMLInputElement>('首发平台');
    const words = document.getElementById(platform.getAttribute('list') ?? '');
    expect(Array.from(words?.querySelectorAll('option') ?? [], (o) => o.value)).toEqual(expect.arrayContaining(['微博', '12345', '微信群']));
    await user.type(platform, '12345');
    expect(f.getByTestId('reg-platform-means').textContent).toBe('即：12345热线');
    await user.type(f.getByLabelText('61号重点回应类型'), '切身利益');
    await user.type(f.getByLabelText('标题'), '某建筑工地拖欠农民工工资');
    // The word stays as typed; the line under it says what it means.
    expect(platform.value).toBe('12345');
    expect(f.getByTestId('reg-platform-means').textContent).toBe('即：12345热线');
    await user.click(f.getByLabelText('重大'));
    await user.click(f.getByTestId('register-submit'));
    await waitFor(() => expect(screen.queryByTestId('register-form')).toBeNull());
    const [stored] = (await must(app.api.listIncidents({}))).rows;
    expect(stored).toMatchObject({ platform: 'hotline', keyType61: 'public_interest', categories: ['wages'], severity: 'major' });
  });

  it('a word that means nothing is refused by the contract, beside its field', async () => {
    let number = '';
    app = await renderApp(async (installed) => {
      number = (await addIncident(installed, { title: '河道垃圾堆积', foundAt: hoursAgo(3) })).number;
    });
    const { user } = app;
    const page = await openIncidentPage(app, number);
    await user.click(within(page).getByTestId('response-open'));
    const form = within(await within(page).findByTestId('response-form'));
    await user.type(form.getByLabelText('回应方式'), '开会');
    await user.type(form.getByLabelText('发布渠道'), '官网');
    await user.type(form.getByLabelText('回应内容'), '已安排清理');
    expect(form.getByTestId('resp-method-unknown').textContent).toContain('无法识别');
    await user.click(form.getByTestId('response-submit'));
    expect((await form.findByTestId('response-error-method')).textContent).toContain('回应方式“开会”无效');
    expect(form.queryByTestId('response-error-channel')).toBeNull();
    expect(await must(app.api.listResponses({ incident: number }))).toEqual([]);
  });
});

describe('editing in place on the incident page', () => {
  it('首发平台 and 61号类型 take words, 发现时间 takes a pick from the calendar', async () => {
    let number = '';
    app = await renderApp(async (installed) => {
      number = (await addIncident(installed, { title: '农贸市场摊位费上涨', foundAt: hoursAgo(30) })).number;
    });
    const { user } = app;
    const p = within(await openIncidentPage(app, number));

    const platform = p.getByTestId('detail-platform');
    await user.click(within(platform).getByRole('button', { name: '编辑首发平台' }));
    const box = within(platform).getByLabelText<HTMLInputElement>('首发平台');
    expect(box.value).toBe('微博');
    await user.clear(box);
    await user.type(box, '人民网留言板');
    expect(within(platform).getByText('即：领导留言板')).toBeTruthy();
    await user.click(within(platform).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(p.getByTestId('detail-platform')).queryByRole('button', { name: '保存' })).toBeNull());

    const keyType = p.getByTestId('detail-keyType61');
    await user.click(within(keyType).getByRole('button', { name: '编辑61号重点回应类型' }));
    await user.type(within(keyType).getByLabelText('61号重点回应类型'), '切身利益');
    await user.click(within(keyType).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(p.getByTestId('detail-keyType61')).queryByRole('button', { name: '保存' })).toBeNull());

    const found = p.getByTestId('detail-foundAt');
    await user.click(within(found).getByRole('button', { name: '编辑发现时间' }));
    const picker = found.querySelector<HTMLInputElement>('input[type="datetime-local"]');
    expect(picker).not.toBeNull();
    fireEvent.change(picker!, { target: { value: '2026-01-02T10:20' } });
    expect(within(found).getByLabelText<HTMLInputElement>('发现时间').value).toBe('2026年1月2日 10:20');
    await user.click(within(found).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(p.getByTestId('detail-foundAt')).queryByRole('button', { name: '保存' })).toBeNull());

    const stored = await must(app.api.getIncident({ id: number }));
    expect(stored).toMatchObject({ platform: 'leader_board', keyType61: 'public_interest', foundAt: '2026-01-02T02:20:00.000Z' });
  });
});

describe('half-filled forms', () => {
  it('登记: Esc and 取消 ask on the page before dropping what was typed; an untouched form closes at once', async () => {
    const confirm = vi.spyOn(window, 'confirm');
    app = await renderApp();
    const { user } = app;
    await openRegister(app);
    // Nothing typed: Esc closes.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('register-form')).toBeNull());

    const form = await openRegister(app);
    await user.type(within(form).getByLabelText('标题'), '半截标题');
    await user.keyboard('{Escape}');
    const question = within(form).getByTestId('discard-question');
    expect(question.textContent).toContain('已填写的内容还没有保存');
    expect(screen.getByTestId('register-form')).toBe(form);
    // 继续填写 keeps everything, and has the focus so Enter keeps editing.
    expect(document.activeElement).toBe(within(form).getByTestId('discard-keep'));
    await user.click(within(form).getByTestId('discard-keep'));
    expect(within(form).queryByTestId('discard-question')).toBeNull();
    expect(within(form).getByLabelText<HTMLInputElement>('标题').value).toBe('半截标题');

    // 取消 asks too; Esc while asked means keep editing.
    await user.click(within(form).getByRole('button', { name: '取消' }));
    expect(within(form).getByTestId('discard-question')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(within(form).queryByTestId('discard-question')).toBeNull();
    expect(screen.getByTestId('register-form')).toBe(form);

    // 放弃填写 closes, and nothing was stored.
    await user.click(within(form).getByRole('button', { name: '关闭' }));
    await user.click(within(form).getByTestId('discard-confirm'));
    await waitFor(() => expect(screen.queryByTestId('register-form')).toBeNull());
    expect((await must(app.api.listIncidents({}))).total).toBe(0);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('a 回应 form on the incident page scrolls into view, marks its required fields and asks before 取消 drops input', async () => {
    const scrolled: Element[] = [];
    const original = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView');
    // jsdom lays nothing out and has no scrollIntoView: record which element asked to be shown.
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      let number = '';
      app = await renderApp(async (installed) => {
        number = (await addIncident(installed, { title: '菜市场占道经营' })).number;
      });
      const { user } = app;
      const page = await openIncidentPage(app, number);
      const p = within(page);

      await user.click(p.getByTestId('response-open'));
      const response = await p.findByTestId('response-form');
      expect(scrolled).toContain(response);
      expect(requiredLabels(response)).toEqual(['回应时间', '回应单位', '回应方式', '发布渠道', '回应内容']);
      await user.type(within(response).getByLabelText('回应内容'), '已约谈');
      await user.click(within(response).getByRole('button', { name: '取消' }));
      expect(within(response).getByTestId('discard-question')).toBeTruthy();
      await user.click(within(response).getByTestId('discard-confirm'));
      await waitFor(() => expect(p.queryByTestId('response-form')).toBeNull());

      await user.click(p.getByTestId('followup-open'));
      const followup = await p.findByTestId('followup-form');
      expect(scrolled).toContain(followup);
      expect(requiredLabels(followup)).toEqual(['跟进类型', '跟进内容']);
      // Untouched: 取消 closes at once.
      await user.click(within(followup).getByRole('button', { name: '取消' }));
      await waitFor(() => expect(p.queryByTestId('followup-form')).toBeNull());

      await user.click(p.getByTestId('feedback-open'));
      const feedback = await p.findByTestId('feedback-form');
      expect(scrolled).toContain(feedback);
      expect(requiredLabels(feedback)).toEqual(['反馈方式', '群众满意度']);

      // A reason being written for a move is not dropped by Esc without asking either, and Esc does not leave the page.
      const actions = within(p.getByTestId('status-actions'));
      await user.click(actions.getByRole('button', { name: '无需回应' }));
      await user.type(actions.getByLabelText('无需回应的理由（必填）'), '外地旧闻');
      await user.keyboard('{Escape}');
      expect(actions.getByTestId('discard-question')).toBeTruthy();
      expect(screen.getByTestId('incident-page')).toBeTruthy();
      await user.click(actions.getByTestId('discard-keep'));
      expect(actions.getByLabelText<HTMLTextAreaElement>('无需回应的理由（必填）').value).toBe('外地旧闻');
    } finally {
      if (original) Object.defineProperty(Element.prototype, 'scrollIntoView', original);
      else Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
    }
  });
});
