import { z } from 'zod';
import { text } from '../text.js';
import { ref, rowFactColumnsSchema } from '../schemas.js';
import { digestInputSchema } from './digest.js';
import { exportQuerySchema } from './excel.js';

// The print path shared by the 督办单 and the weekly digest. The caller names the document — which report, which
// unit's sheet — never its HTML: the core renders it (A4, GB/T 9704-2012 layout), and whoever prints (main's hidden
// window in the app, headless Chromium in the core for the CLI and the test host) prints what the core rendered.
// A page in the window therefore cannot put words of its own on paper that looks like an official document.

export const PRINT_MODES = ['dialog', 'pdf'] as const;

export const printableSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('digest'), ...digestInputSchema.shape }),
    z.strictObject({ kind: z.literal('supervisionSheet'), unit: ref('责任单位') }),
    z.strictObject({ kind: z.literal('ledger'), query: exportQuerySchema.default({ sort: 'foundAt', descending: true }), columns: rowFactColumnsSchema }),
  ],
  { error: '打印的文件应为周报/月报/年报、督办单或台账' },
);
export type Printable = z.output<typeof printableSchema>;

export const printInputSchema = z.strictObject({
  document: printableSchema,
  mode: z.enum(PRINT_MODES, { error: '打印方式应为 dialog 或 pdf' }),
});
export type PrintInput = z.input<typeof printInputSchema>;
export type PrintRequest = z.output<typeof printInputSchema>;

export const printResultSchema = z.object({
  mode: z.enum(PRINT_MODES),
  /** Where the PDF was written; null for the dialog, or when the person cancelled the save dialog. */
  path: text().nullable(),
});
export type PrintResult = z.infer<typeof printResultSchema>;

/** The contract call that renders a printable document: one mapping, for main and for the core. */
export function renderCallOf(
  document: Printable,
):
  | { method: 'renderDigest'; input: { period: string } }
  | { method: 'renderSupervisionSheet'; input: { unit: string } }
  | { method: 'renderLedgerTable'; input: Omit<Extract<Printable, { kind: 'ledger' }>, 'kind'> } {
  if (document.kind === 'ledger') {
    const { kind: _kind, ...input } = document;
    return { method: 'renderLedgerTable', input };
  }
  return document.kind === 'digest'
    ? { method: 'renderDigest', input: { period: document.period } }
    : { method: 'renderSupervisionSheet', input: { unit: document.unit } };
}

export const printMethods = {
  printDocument: { input: printInputSchema, output: printResultSchema },
} as const;
