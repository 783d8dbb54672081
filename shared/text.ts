import { z } from 'zod';

// Text is made well-formed and normal before it is stored, sealed or compared. A lone UTF-16 surrogate hashes one
// way as a JS string and is stored another way by SQLite (the audit seal then no longer matches), so it is
// refused; everything else is NFC-normalised, so two spellings of one character are one value. Names (units,
// townships, categories, staff, workstations) are compared by people's eyes: they also lose the invisible
// characters that make two equal-looking names differ, and surrounding spaces.

/**
 * Invisible characters: zero-width space/joiners (U+200B–U+200D), word joiner, BOM, Mongolian vowel separator —
 * two names differing only by them look the same — and the bidirectional controls (LRM, RLM U+200E–U+200F,
 * embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, ALM), which reorder what a person sees.
 */
const INVISIBLE = /[\u200B-\u200F\u2060\uFEFF\u180E\u202A-\u202E\u2066-\u2069\u061C]/gu;
/** Control characters other than tab and line breaks (NUL, ESC, DEL, C1): never meant as text. */
const CONTROL = /(?![\t\n\r])\p{Cc}/u;

export const LONE_SURROGATE_MESSAGE = '含有无法识别的字符（孤立的代理码位），请删除后重新输入';
export const CONTROL_MESSAGE = '含有控制字符（如 NUL、ESC），请删除后重新输入';

/** Whether a string is valid Unicode (no lone surrogates); String.prototype.isWellFormed is ES2024. */
export function isWellFormed(value: string): boolean {
  return !/\p{Surrogate}/u.test(value);
}

export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

/** Free text as stored: NFC. */
export function normaliseText(value: string): string {
  return value.normalize('NFC');
}

/** A name as stored and compared: NFC, without zero-width or bidi controls, without surrounding spaces. */
export function normaliseName(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').trim();
}

/** Whether a name holds only characters a name may hold (for text that arrives already stored, e.g. in bundles). */
export function isNormalName(value: string): boolean {
  return isWellFormed(value) && !/\p{Cc}/u.test(value) && normaliseName(value) === value;
}

/** Whether text arriving from elsewhere (a bundle) may be stored as it is. */
export function isStorableText(value: string): boolean {
  return isWellFormed(value) && !hasControlCharacters(value);
}

type StringParams = Parameters<typeof z.string>[0];

/**
 * Every text field of the contract: a string that is well-formed, has no control characters other than tab and
 * line breaks, and is stored in NFC. Chain `.trim()`, `.min()`, `.max()` on it as on z.string().
 */
export function text(params?: StringParams) {
  return z
    .string(params)
    .refine(isWellFormed, { error: LONE_SURROGATE_MESSAGE, abort: true })
    .refine((value) => !hasControlCharacters(value), { error: CONTROL_MESSAGE, abort: true })
    .normalize('NFC');
}

/**
 * A name people tell apart by sight: `text()`, then invisible characters and surrounding spaces removed, and no
 * line breaks. Uniqueness is checked on what this returns.
 */
export function nameText(what: string, max: number) {
  return text({ error: `请填写${what}` })
    .overwrite(normaliseName)
    .refine((value) => !/\p{Cc}/u.test(value), { error: `${what}不能包含换行等控制字符` })
    .min(1, { error: `请填写${what}` })
    .max(max, { error: `${what}不超过${max}字` });
}

/** A value quoted back to a person only when it is short and printable; otherwise only its length is told. */
export function quoteValue(value: unknown, maxChars = 30): string {
  if (typeof value !== 'string') return '';
  if (!isWellFormed(value) || /[\p{Cc}\p{Cf}]/u.test(value)) return '';
  const chars = [...value];
  if (chars.length > maxChars) return '';
  return `“${value}”`;
}

/**
 * The last guard of every door: a message shown to a person holds no control, format (bidi, zero-width) or lone
 * surrogate characters, is one line, and is of readable length — whatever a lower layer put into it.
 */
export function safeMessage(message: string, maxChars = 300): string {
  // Nothing a person reads is longer than this; cutting first keeps the work bounded for a megabyte of input.
  const clean = message
    .slice(0, 4000)
    .replace(/\p{Surrogate}/gu, '')
    .replace(/[\r\n\t]+/gu, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    // A quoted value too long to read is left out rather than echoed.
    .replace(/“([^”]{61,})(?:”|$)/gu, '（过长的内容，不予显示）');
  const chars = [...clean];
  return chars.length > maxChars ? `${chars.slice(0, maxChars).join('')}…` : clean;
}
