import { z } from 'zod';
import type * as zc from 'zod/v4/core';

// zod's own messages for the issues a schema did not word itself, in plain Chinese for the people who read them
// (zod's zh-CN locale still says "期望 string" and quotes unknown keys as given). A message never repeats the
// input: keys and values may be hostile (control characters, a megabyte of text).

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  array: '列表',
  object: '一组字段',
  date: '日期',
  null: '空值',
  undefined: '空值',
};

const SIZE_UNITS: Record<string, string> = { string: '字', array: '项', set: '项', map: '项', file: '字节' };

type Issue = zc.$ZodRawIssue;

function receivedName(input: unknown): string {
  if (input === undefined) return '未填写';
  if (input === null) return '空值';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'number' && !Number.isFinite(input)) return '无效数字';
  return TYPE_NAMES[typeof input] ?? '其他类型';
}

function chineseMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必须填写';
      return `应为${TYPE_NAMES[issue.expected] ?? '其他类型'}，收到的是${receivedName(issue.input)}`;
    case 'too_big': {
      const unit = SIZE_UNITS[issue.origin] ?? '';
      if (unit) return `不超过${String(issue.maximum)}${unit}`;
      return issue.inclusive ? `不大于${String(issue.maximum)}` : `应小于${String(issue.maximum)}`;
    }
    case 'too_small': {
      const unit = SIZE_UNITS[issue.origin] ?? '';
      if (unit) return Number(issue.minimum) === 1 ? '不能为空' : `至少${String(issue.minimum)}${unit}`;
      return issue.inclusive ? `不小于${String(issue.minimum)}` : `应大于${String(issue.minimum)}`;
    }
    case 'invalid_format':
      return issue.format === 'datetime' || issue.format === 'date' ? '日期时间格式无效' : '格式不正确';
    case 'not_multiple_of':
      return `应为${String(issue.divisor)}的倍数`;
    case 'unrecognized_keys': {
      // A key is named only when it reads as a field name (an attacker's key may be anything).
      const named = issue.keys.filter((key) => /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(key)).slice(0, 3);
      return named.length === issue.keys.length ? `含有不认识的字段：${named.join('、')}` : `含有不认识的字段（${issue.keys.length} 个）`;
    }
    case 'invalid_key':
      return '字段名无效';
    case 'invalid_element':
      return '列表中有无效的项';
    case 'invalid_union':
      return '内容不符合任何一种可接受的格式';
    case 'invalid_value':
      return '不是可选的值之一';
    case 'custom':
      return '输入不符合要求';
    default:
      return '输入不符合要求';
  }
}

let configured = false;

/** Installs the Chinese messages once for every schema in this process (the contract imports it). */
export function useChineseZodMessages(): void {
  if (configured) return;
  configured = true;
  z.config({ customError: chineseMessage });
}
