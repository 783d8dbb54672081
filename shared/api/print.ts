import { z } from 'zod';

// The print path shared by the 督办单 and the weekly digest: the core renders a self-contained HTML document
// (A4, GB/T 9704-2012 layout); the UI previews it and asks for it to be printed — to the system print dialog
// (Electron's webContents.print) or to a PDF file (printToPDF in the app; headless Chromium in the core).

export const PRINT_MODES = ['dialog', 'pdf'] as const;

export const printInputSchema = z.strictObject({
  html: z.string().min(1, { error: '没有可打印的内容' }).max(20_000_000, { error: '打印内容过大' }),
  /** Used for the window title and the suggested file name. */
  title: z.string().trim().min(1, { error: '请填写标题' }).max(200, { error: '标题过长' }),
  mode: z.enum(PRINT_MODES, { error: '打印方式应为 dialog 或 pdf' }),
});
export type PrintInput = z.input<typeof printInputSchema>;

export const printResultSchema = z.object({
  mode: z.enum(PRINT_MODES),
  /** Where the PDF was written; null for the dialog, or when the person cancelled the save dialog. */
  path: z.string().nullable(),
});
export type PrintResult = z.infer<typeof printResultSchema>;

export const printMethods = {
  printDocument: { input: printInputSchema, output: printResultSchema },
} as const;
