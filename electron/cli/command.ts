import type { MethodName } from '../../shared/contract.js';

// What a yq command is: the words that name it, the options it accepts, and how it turns its arguments into one
// contract call. Commands hold no domain logic: they only shape input and output.

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
}

export type OptionValues = Record<string, string | string[] | boolean | undefined>;

export interface CommandInput {
  /** Positional arguments after the command words. */
  args: string[];
  values: OptionValues;
  /** Reads --json-in (a file, or - for stdin) as JSON. */
  readJsonIn: () => unknown;
}

/** A contract call the command wants made, and how to present its answer. */
export interface Plan {
  method: MethodName;
  input: unknown;
  /** Calls made first, in order (e.g. `init --name --code` on an existing ledger); any failure stops the command. */
  before?: readonly { method: MethodName; input: unknown }[];
  /** Shapes the answer for output (e.g. a page becomes its rows). */
  present?: (value: unknown) => unknown;
  /** Plain text for a person at a terminal (without --json). */
  human?: (value: unknown) => string;
  /** An answer that means "the check failed" (exit 1). */
  failed?: (value: unknown) => boolean;
  /** An answer that means "the input was refused and nothing was written" (exit 2), shown all the same. */
  badInput?: (value: unknown) => boolean;
  /** Files to write from the answer once the call succeeded (e.g. --html, --pdf): output only, never domain logic. */
  files?: readonly OutputFile[];
}

/** A file a command writes: text as it is, or an HTML document printed to PDF by the core's print path. */
export interface OutputFile {
  path: string;
  format: 'text' | 'pdf';
  content: (value: unknown) => string;
}

export interface Command {
  /** e.g. `incident add` */
  words: string;
  /** e.g. `--json-in 文件|-` — shown in the usage text. */
  synopsis: string;
  summary: string;
  options: Record<string, OptionSpec>;
  /** How many positional arguments: exactly `min`..`max`. */
  positionals: { min: number; max: number; name?: string };
  /**
   * Only for a command that may create the ledger (`init`): what a new ledger starts with. It may throw to refuse
   * the options before any file is made. Every other command needs the database file to exist already.
   */
  newLedger?: (values: OptionValues) => { siteName?: string; siteCode?: string };
  plan(input: CommandInput): Plan;
}

/** A command whose whole input is the JSON given with --json-in (a file, or - for stdin). */
export function jsonInCommand(words: string, summary: string, method: MethodName, human: (value: unknown) => string): Command {
  return {
    words,
    synopsis: '--json-in 文件|-',
    summary,
    options: { 'json-in': { type: 'string' } },
    positionals: { min: 0, max: 0 },
    plan: ({ readJsonIn }) => ({ method, input: readJsonIn(), human }),
  };
}
