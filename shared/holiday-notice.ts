import { addDays, daysBetween, startsWithRealDate, weekdayOf as weekdayNumber } from './china-time.js';

// The 国务院办公厅's yearly notice of holidays (关于20XX年部分节假日安排的通知), as an office pastes it, read
// into calendar entries: every day of each holiday off (named after the holiday), every 调休 Saturday or Sunday
// a working day. What cannot be read, or does not add up (a weekday in brackets that is not that date's, a
// count of days that differs from 共N天), is reported so the person checks it before anything is saved.

export interface NoticeHoliday {
  name: string;
  /** Days off, YYYY-MM-DD in order. */
  off: string[];
  /** 调休 working days (a weekend worked). */
  work: string[];
}

export interface ParsedNotice {
  year: number | undefined;
  holidays: NoticeHoliday[];
  /** Calendar entries in date order: what 确认 saves. */
  entries: { date: string; work: boolean; name: string }[];
  /** One Chinese sentence per thing that could not be read or does not add up. */
  problems: string[];
}

const WEEKDAYS = '日一二三四五六';

const ymd = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A real date or undefined (2月30日 is not one). */
function dateOf(y: number, m: number, d: number): string | undefined {
  const date = ymd(y, m, d);
  return startsWithRealDate(date) ? date : undefined;
}

const weekdayOf = (date: string) => WEEKDAYS[weekdayNumber(date)]!;
const label = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

function daysFrom(first: string, last: string): string[] {
  return Array.from({ length: Math.max(0, daysBetween(first, last) + 1) }, (_, i) => addDays(first, i));
}

/** Full-width digits and spaces as people paste them from a web page or a PDF. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/:/g, '：')
    .replace(/[ \t\u3000\u00a0]+/g, '');
}

// 1月1日（周四） / 2月15日（农历腊月二十八、周日） / 3日（周六）: month optional after 至, the bracket optional.
const DAY = String.raw`(?:(\d{1,2})月)?(\d{1,2})日(?:（([^）]*)）)?`;

function checkWeekday(date: string, bracket: string | undefined, problems: string[], holiday: string) {
  const said = /(?:周|星期)([日天一二三四五六])/.exec(bracket ?? '')?.[1];
  if (said === undefined) return;
  const actual = weekdayOf(date);
  if ((said === '天' ? '日' : said) !== actual) problems.push(`${holiday}：${label(date)}是周${actual}，通知中写的是周${said}，请核对年份和日期`);
}

/**
 * Reads the notice. `year` is the year the person chose; a year named in the text (关于2026年…) wins. Items are
 * the numbered paragraphs 一、元旦：… or any line of the form 名称：…放假….
 */
export function parseHolidayNotice(text: string, year?: number): ParsedNotice {
  const flat = normalise(text);
  const named = /(\d{4})年(?:部分)?节假日安排/.exec(flat)?.[1];
  const y = named ? Number(named) : year;
  const problems: string[] = [];
  const holidays: NoticeHoliday[] = [];
  if (y === undefined) return { year: undefined, holidays, entries: [], problems: ['请先选择年份（通知正文中没有写明年份）'] };

  // Paragraphs: split before 一、 二、 … or at line ends, then keep those with 名称：
  const paragraphs = flat
    .split(/\n|(?<=。)(?=[一二三四五六七八九十]+、)/) // not inside （农历正月初七、周二）
    .map((p) => p.replace(/^[一二三四五六七八九十]+、/, '').trim())
    .filter((p) => /^[^：。]{1,20}：.*放假/.test(p));
  for (const paragraph of paragraphs) {
    const colon = paragraph.indexOf('：');
    const name = paragraph.slice(0, colon);
    const body = paragraph.slice(colon + 1);
    const sentences = body.split('。').filter((s) => s !== '');
    const offSentence = sentences.find((s) => s.includes('放假'))!;
    const range = new RegExp(`^${DAY}(?:至${DAY})?`).exec(offSentence);
    const firstMonth = Number(range?.[1]);
    if (!range || !firstMonth) {
      problems.push(`${name}：未能读出放假日期（应如“1月1日（周四）至3日（周六）放假”）`);
      continue;
    }
    const first = dateOf(y, firstMonth, Number(range[2]));
    const lastMonth = range[5] ? Number(range[4] ?? firstMonth) : firstMonth;
    // A range that runs into January (12月31日至1月2日) ends in the next year.
    const lastYear = lastMonth < firstMonth ? y + 1 : y;
    const last = range[5] ? dateOf(lastYear, lastMonth, Number(range[5])) : first;
    if (!first || !last || last < first) {
      problems.push(`${name}：放假日期不是有效的日期`);
      continue;
    }
    checkWeekday(first, range[3], problems, name);
    if (range[5]) checkWeekday(last, range[6], problems, name);
    const off = daysFrom(first, last);
    const total = /共(\d+)天/.exec(offSentence)?.[1];
    if (total !== undefined && Number(total) !== off.length) {
      problems.push(`${name}：${label(first)}至${label(last)}共${off.length}天，通知中写的是共${total}天`);
    }
    const work: string[] = [];
    for (const sentence of sentences.filter((s) => s.includes('上班'))) {
      for (const m of sentence.matchAll(new RegExp(DAY, 'g'))) {
        const month = Number(m[1] ?? 0);
        if (!month) continue;
        const date = dateOf(month > 10 && firstMonth < 3 ? y - 1 : y, month, Number(m[2]));
        if (!date) {
          problems.push(`${name}：上班日期 ${month}月${m[2]}日 不是有效的日期`);
          continue;
        }
        checkWeekday(date, m[3], problems, name);
        work.push(date);
      }
    }
    holidays.push({ name, off, work });
  }
  if (holidays.length === 0 && problems.length === 0) {
    problems.push('没有读出任何节假日：请粘贴通知正文，每项如“元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。”');
  }
  const byDate = new Map<string, { date: string; work: boolean; name: string }>();
  for (const h of holidays) {
    const short = h.name.split('、')[0]!;
    for (const date of h.off) byDate.set(date, { date, work: false, name: h.name });
    for (const date of h.work) byDate.set(date, { date, work: true, name: `${short}调休上班` });
  }
  const entries = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { year: y, holidays, entries, problems };
}
