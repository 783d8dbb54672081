import { describe, expect, it } from 'vitest';
import { fieldOfPath, placeRefusal, withoutFieldPaths } from '../../renderer/src/forms/refusals.js';
import { displayOfPicked, pickerValueOf, writtenDate } from '../../renderer/src/forms/pickerValue.js';

// The one place refusals meet fields, and the picker's China wall-clock strings.

describe('placing a refusal on a form’s fields', () => {
  const placement = {
    names: ['status', 'evidence', 'channel', 'categories'] as const,
    aliases: { 'publication.channel': 'channel', publication: 'status' } as const,
  };

  it('takes off the request wrapper, follows aliases, and prefers the longest match', () => {
    expect(fieldOfPath('patch.evidence', placement)).toBe('evidence');
    expect(fieldOfPath('patch.publication.channel', placement)).toBe('channel');
    expect(fieldOfPath('publication.at', placement)).toBe('status');
    expect(fieldOfPath('categories.1', placement)).toBe('categories');
    expect(fieldOfPath('check.by', placement)).toBeUndefined();
    // Only a leading wrapper is one: a field called patch further down is not taken off.
    expect(fieldOfPath('evidence.patch', placement)).toBe('evidence');
  });

  it('keeps each field’s first message and returns the rest', () => {
    const placed = placeRefusal(
      [
        { path: 'categories.1', message: '类别“天气”无效' },
        { path: 'categories', message: '至少选择一个敏感类别' },
        { path: 'check.by', message: '请填写核查人' },
      ],
      placement,
    );
    expect(placed.byField).toEqual({ categories: '类别“天气”无效' });
    expect(placed.unplaced).toEqual(['请填写核查人']);
  });

  it('says a refusal without the contract’s field paths', () => {
    expect(withoutFieldPaths('输入有误：patch.publication.channel：请选择公开渠道')).toBe('输入有误：请选择公开渠道');
  });
});

describe('the native picker’s values', () => {
  const now = Date.UTC(2026, 11, 3, 2, 0); // 2026-12-03 10:00 in China

  it('opens at what was typed, in China time', () => {
    expect(pickerValueOf('2026年12月3日 15:00', 'datetime', now)).toBe('2026-12-03T15:00');
    expect(pickerValueOf('12月3日 15:00', 'datetime', now)).toBe('2026-12-03T15:00');
    expect(pickerValueOf('今天 9:30', 'datetime', now)).toBe('2026-12-03T09:30');
    expect(pickerValueOf('2026-12-03T23:30:00.000Z', 'datetime', now)).toBe('2026-12-04T07:30');
    expect(pickerValueOf('今天 9:30', 'date', now)).toBe('2026-12-03');
    expect(pickerValueOf('不是时间', 'datetime', now)).toBe('');
  });

  it('writes a pick in the display form, and a written date as the contract’s YYYY-MM-DD', () => {
    expect(displayOfPicked('2026-12-03T09:05')).toBe('2026年12月3日 09:05');
    expect(displayOfPicked('2026-01-09')).toBe('2026年1月9日');
    expect(displayOfPicked('')).toBeUndefined();
    expect(writtenDate('2026年12月31日', now)).toBe('2026-12-31');
    expect(writtenDate('12月31日', now)).toBe('2026-12-31');
    expect(writtenDate('2026-12-31', now)).toBe('2026-12-31');
    expect(writtenDate('下周', now)).toBe('下周');
  });
});
