import type { DeadlineInput } from '../../../shared/api/commitments.js';
import { chinaParts } from '../../../shared/china-time.js';
import type { RecordedCommitmentStatus, ResponseChannel } from '../../../shared/domain.js';
import { codedWords, normaliseWord, resolveCoded } from '../../../shared/input/coded-values.js';
import { normaliseWritten, readWrittenTime } from '../../../shared/input/written-time.js';
import type { Cell } from './read-workbook.js';

// What the cells of an office's 台账 say, in the ledger's terms: times (Excel date cells or typed), deadlines
// (a date, N个工作日, 30日内), 落实情况 and 公开情况 as the app writes them on export and as people write them.

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A time cell: an Excel date, or text in any form the shared parser reads. */
export function readTimeCell(cell: Cell | null | undefined, now: number): Read<string> | undefined {
  const written = cell?.date ?? cell?.text ?? '';
  if (written.trim() === '') return undefined;
  const read = readWrittenTime(written, { now });
  return read.ok ? { ok: true, value: read.iso } : { ok: false, reason: read.reason };
}

/**
 * Several responses or commitments in one cell, numbered as the export writes them (`1. …` on each line) — or
 * one value. Unnumbered text stays whole, line breaks and all.
 */
export function splitNumbered(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (!/^1[.、．)）](?!\d)/.test(trimmed)) return [trimmed];
  // Items keep their own line breaks; an empty item (`2. ` with no link) keeps its place.
  return trimmed.split(/\n(?=\s*\d{1,3}[.、．)）](?!\d))/).map((part) => part.replace(/^\s*\d{1,3}[.、．)）]\s*/, '').trim());
}

const ymdOf = (iso: string) => {
  const p = chinaParts(iso);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
};

/** 承诺时限: a date (`2026年12月10日`, an Excel date), `5个工作日`, `30日内` / `30天` / `30个自然日`. */
export function readDeadline(cell: Cell | null | undefined, text: string, now: number): Read<DeadlineInput> | undefined {
  const written = normaliseWritten(cell?.date ?? text);
  if (written === '') return undefined;
  const workdays = /^(\d{1,3})\s*个?工作日(内)?$/.exec(written);
  if (workdays) return { ok: true, value: { workdays: Number(workdays[1]) } };
  const days = /^(\d{1,4})\s*(个)?(自然日|日|天)(内|以内)?$/.exec(written);
  if (days) return { ok: true, value: { days: Number(days[1]) } };
  const date = readWrittenTime(written.replace(/(前|之前|以前)$/, ''), { now });
  if (date.ok) return { ok: true, value: { date: ymdOf(date.iso) } };
  return { ok: false, reason: `无法识别“${written}”，可写作“2026年12月10日”“5个工作日”或“30日内”` };
}

const DATE_IN_TEXT = /(?:\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*[日号]?|\d{1,2}\s*月\s*\d{1,2}\s*[日号])(?:\s*\d{1,2}[:：]\d{2})?/;

/** The first date (with its time, if written) inside free text: `于2026年12月1日办结` → 2026-12-01 00:00. */
export function dateInText(text: string, now: number): string | undefined {
  const m = DATE_IN_TEXT.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  const read = readWrittenTime(m[0], { now });
  return read.ok ? read.iso : undefined;
}

export interface Progress {
  status: RecordedCommitmentStatus;
  /** 兑现情况 for 已兑现 / 推进中, the reason for 无法兑现. */
  text: string;
  fulfilledAt: string | null;
}

/**
 * 落实情况 → the commitment's status. As exported: `已兑现（2026年12月1日 10:00）：做了什么`; as written:
 * `已完成，12月1日已支付`, `正在协调`, `无法兑现：企业已破产`. Text with no status word is progress (推进中).
 */
export function readProgress(text: string, now: number): Progress | undefined {
  const written = text.trim();
  if (written === '') return undefined;
  const head = /^([^（(:：，,。；;\s]+)\s*(?:[（(]([^）)]*)[）)])?\s*[:：，,。]?\s*([\s\S]*)$/.exec(written);
  const coded = head ? resolveCoded('commitmentStatus', head[1] ?? '') : undefined;
  let status: RecordedCommitmentStatus;
  if (coded !== undefined && coded !== 'overdue') status = coded;
  else if (/已(兑现|完成|落实|解决|办结|整改到位)|办结/.test(written)) status = 'fulfilled';
  else if (/无法|不能兑现|不予/.test(written)) status = 'unfulfillable';
  else status = 'in_progress';
  const rest = coded !== undefined && head ? (head[3] ?? '').trim() : written;
  const when = coded !== undefined && head?.[2] ? readWrittenTime(head[2], { now }) : undefined;
  const fulfilledAt = status === 'fulfilled' ? (when?.ok ? when.iso : (dateInText(written, now) ?? null)) : null;
  return { status, text: coded !== undefined ? rest : written, fulfilledAt };
}

export interface Publication {
  published: boolean;
  channel: ResponseChannel | null;
  /** The channel word was not recognised (the field takes 其他; the word is kept). */
  unknownChannel: string | null;
  at: string | null;
  url: string;
  note: string;
}

/** The longest channel word the text contains: `已在县政府网站公开` → gov_website. */
function channelInText(text: string): ResponseChannel | undefined {
  const word = normaliseWord(text);
  let best: { code: string; length: number } | undefined;
  for (const [w, code] of codedWords('responseChannel')) {
    if (w.length >= 2 && !/^[a-z_]+$/.test(w) && word.includes(w) && (!best || w.length > best.length)) best = { code, length: w.length };
  }
  return best?.code as ResponseChannel | undefined;
}

/** 公开情况: `已公开：政务微博 2026年12月1日 10:00 https://…` as exported, or `已在政府网站公开`, `未公开：涉及隐私`. */
export function readPublication(text: string, now: number): Publication | undefined {
  const written = text.trim();
  if (written === '') return undefined;
  const url = /https?:\/\/\S+/i.exec(written)?.[0] ?? '';
  if (/^(未公开|不公开|不予公开|否|无需公开|暂未公开)/.test(written)) {
    const note = written.replace(/^(未公开|不公开|不予公开|否|无需公开|暂未公开)\s*[:：，,]?\s*/, '');
    return { published: false, channel: null, unknownChannel: null, at: null, url: '', note: note === '' ? written : note };
  }
  const channel = channelInText(written.replace(url, ''));
  const exported = /^已公开[:：]\s*(\S+)/.exec(written);
  return {
    published: true,
    channel: channel ?? 'other',
    unknownChannel: channel === undefined ? (exported?.[1] ?? written) : null,
    at: dateInText(written, now) ?? null,
    url,
    note: '',
  };
}
