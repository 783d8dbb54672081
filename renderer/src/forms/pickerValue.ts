import { chinaParts } from '../../../shared/china-time.js';
import { parseChinaDateTime } from '../../../shared/input/written-time.js';

// The native date/time picker speaks wall-clock strings without a zone (`2026-12-03T15:00`). They are read and
// written here as China wall-clock time by plain string work — never through the Date object's local zone — so a
// workstation whose OS is set to another zone still picks China time.

export type PickerKind = 'datetime' | 'date';

const pad = (n: number) => String(n).padStart(2, '0');

/** What the picker opens at for a typed value (`今天 9:30`, `2026年12月3日 15:00` …); '' when it reads as no time. */
export function pickerValueOf(text: string, kind: PickerKind, now?: number): string {
  if (text.trim() === '') return '';
  const iso = parseChinaDateTime(text, now);
  if (iso === undefined) return '';
  const p = chinaParts(iso);
  const date = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  return kind === 'date' ? date : `${date}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The picker's choice in the app's display form: `2026年12月3日 15:00`, or `2026年12月3日` for a date. */
export function displayOfPicked(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return undefined;
  const date = `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  return m[4] === undefined ? date : `${date} ${m[4]}:${m[5]}`;
}

/** A written date (`2026年12月31日`, `12月31日`, `2026/12/31`) as the contract's `YYYY-MM-DD`; other text unchanged, for the schema to refuse. */
export function writtenDate(text: string, now?: number): string {
  const trimmed = text.trim();
  if (trimmed === '' || /^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  return pickerValueOf(trimmed, 'date', now) || trimmed;
}
