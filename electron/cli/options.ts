import type { OptionValues } from './command.js';

// What every command may use to refuse its input. Kept apart from args.ts, which imports every command to know
// their options: a command importing args.ts would close a loop in which one of them could run before the other
// had defined what it exports.

/** Bad input on the command line: yq prints the message on one line and exits 2. */
export class UsageError extends Error {}

/** A whole number option, or a usage error naming the option. */
export function intOption(values: OptionValues, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw new UsageError(`--${name} 应为非负整数，收到“${String(raw)}”`);
  return Number(raw);
}
