import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { parseHolidayNotice } from '../../shared/holiday-notice.js';

// The 国务院办公厅 notices as published (国办发明电〔2024〕12号 for 2025, 国办发明电〔2025〕7号 for 2026), pasted
// as an office would copy them from the government website; each parsed day is checked against chinese-days'
// official tables, an independent reading of the same notices.

const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。`;

const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

describe('the 国务院办公厅 holiday notice', () => {
  it.each([
    [2025, NOTICE_2025, 28, 5],
    [2026, NOTICE_2026, 33, 6],
  ])('%i: every holiday and 调休 day, as the official tables have them', (year, notice, offDays, workDays) => {
    const parsed = parseHolidayNotice(notice);
    expect(parsed.problems).toEqual([]);
    expect(parsed.year).toBe(year);
    expect(parsed.entries.filter((e) => !e.work)).toHaveLength(offDays);
    expect(parsed.entries.filter((e) => e.work)).toHaveLength(workDays);
    for (const entry of parsed.entries) {
      if (entry.work) expect(chineseDays.isWorkday(entry.date), entry.date).toBe(true);
      else expect(chineseDays.isHoliday(entry.date), entry.date).toBe(true);
      expect(chineseDays.isInLieu(entry.date) || !entry.work || chineseDays.isWorkday(entry.date)).toBe(true);
    }
  });

  it('names the days after their holiday', () => {
    const parsed = parseHolidayNotice(NOTICE_2026);
    expect(parsed.holidays.map((h) => h.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
    expect(parsed.entries.slice(0, 4)).toEqual([
      { date: '2026-01-01', work: false, name: '元旦' },
      { date: '2026-01-02', work: false, name: '元旦' },
      { date: '2026-01-03', work: false, name: '元旦' },
      { date: '2026-01-04', work: true, name: '元旦调休上班' },
    ]);
    const national = parseHolidayNotice(NOTICE_2025).holidays.at(-1)!;
    expect(national).toMatchObject({ name: '国庆节、中秋节', work: ['2025-09-28', '2025-10-11'] });
    expect(national.off).toHaveLength(8);
  });

  it('reads one item pasted alone, in the year chosen, with full-width digits and half-width brackets', () => {
    const parsed = parseHolidayNotice('元旦:１月１日(周四)至３日(周六)放假调休，共3天。1月4日（周日）上班。', 2026);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => `${e.date}${e.work ? '班' : '休'}`)).toEqual(['2026-01-01休', '2026-01-02休', '2026-01-03休', '2026-01-04班']);
  });

  it('says what does not add up instead of guessing', () => {
    // The 2026 notice read as if it were 2025's: the weekdays do not match.
    const wrongYear = parseHolidayNotice(NOTICE_2026.replace('2026年部分', '2025年部分'));
    expect(wrongYear.problems[0]).toBe('元旦：1月1日是周三，通知中写的是周四，请核对年份和日期');
    const wrongCount = parseHolidayNotice('三、清明节：4月4日（周六）至6日（周一）放假，共4天。', 2026);
    expect(wrongCount.problems).toEqual(['清明节：4月4日至4月6日共3天，通知中写的是共4天']);
    expect(parseHolidayNotice('元旦：放假一天。', 2026).problems[0]).toMatch(/未能读出放假日期/);
    expect(parseHolidayNotice('你好', 2026).problems[0]).toMatch(/没有读出任何节假日/);
    expect(parseHolidayNotice(NOTICE_2026.replace('关于2026年部分节假日安排的通知', '')).problems).toEqual(['请先选择年份（通知正文中没有写明年份）']);
  });
});
