import { z } from 'zod';
import { labelOfPath } from './field-labels.js';
import { safeMessage, text } from './text.js';
import { useChineseZodMessages } from './zod-zh.js';

useChineseZodMessages();

// Every door answers failure with one of these codes and a Chinese message a person can act on. Stack traces
// stay in the process that threw; only `code`, `message` and per-field messages cross a boundary.
export const ERROR_CODES = [
  'invalid_input', // the request did not match the contract; `fields` says which field and why
  'not_found',
  'invalid_transition', // the incident workflow refuses the move
  'conflict', // e.g. a duplicate name or number
  'forbidden', // IPC from a sender that is not our window
  'unknown_method',
  'storage', // the database refused (corrupt file, disk full, schema mismatch)
  'internal',
  'cancelled', // the person stopped a long job (取消, Ctrl-C); it rolled back and changed nothing
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const fieldErrorSchema = z.object({ path: text(), message: text() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const ledgerErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: text(),
  fields: z.array(fieldErrorSchema).optional(),
});
export type LedgerErrorData = z.infer<typeof ledgerErrorSchema>;

/** Thrown inside the core; converted to `LedgerErrorData` at every door. */
export class LedgerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'LedgerError';
  }

  toData(): LedgerErrorData {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: LedgerErrorData };

/**
 * Turns zod's issues into per-field messages; the schemas carry the Chinese wording (zod-zh.ts the rest). `path`
 * is for forms to place the message; `label` names the field for a person.
 */
export function fieldErrorsFrom(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p) => typeof p === 'string' || typeof p === 'number').map(String).join('.').slice(0, 200),
    message: safeMessage(issue.message, 120),
  }));
}

export function invalidInput(error: z.ZodError): LedgerError {
  const fields = fieldErrorsFrom(error);
  const lines = error.issues.slice(0, 3).map((issue, i) => {
    const label = labelOfPath(issue.path);
    const message = fields[i]!.message;
    return label && !message.includes(label) ? `${label}：${message}` : message;
  });
  const more = error.issues.length > 3 ? `等 ${error.issues.length} 处` : '';
  const summary = [...new Set(lines)].join('；') || '输入不符合要求';
  return new LedgerError('invalid_input', `输入有误：${summary}${more}`, fields);
}

/** Any thrown value as error data, without leaking internals of unexpected failures; always one safe line. */
export function toErrorData(thrown: unknown): LedgerErrorData {
  if (thrown instanceof LedgerError) {
    const data = thrown.toData();
    return { ...data, message: safeMessage(data.message) };
  }
  if (thrown instanceof z.ZodError) return invalidInput(thrown).toData();
  const sqlite = (thrown as { code?: unknown } | null)?.code;
  if (sqlite === 'SQLITE_BUSY' || sqlite === 'SQLITE_LOCKED') {
    return { code: 'storage', message: '台账正由其他程序写入，等待超时，操作未执行，数据未改变。请稍后重试。' };
  }
  if (sqlite === 'SQLITE_FULL') return { code: 'storage', message: '磁盘空间不足，操作未执行，数据未改变。' };
  return { code: 'internal', message: '内部错误，操作未执行，数据未改变。' };
}
