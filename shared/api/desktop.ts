import { z } from 'zod';
import { text } from '../text.js';

// Choosing a file: the renderer cannot see the file system, so it asks for a path and the desktop answers —
// Electron's open/save dialog in the app; a path the test configured in the browser-test host.

export const chooseFileInputSchema = z.strictObject({
  mode: z.enum(['open', 'save'], { error: '文件选择方式应为 open 或 save' }),
  title: text().trim().min(1).max(100),
  /** For save: the suggested file name. */
  defaultName: text().trim().max(200).optional(),
  /** File types offered, e.g. [{ name: '同步包', extensions: ['yqb'] }]. */
  filters: z
    .array(z.object({ name: text().max(50), extensions: z.array(text().regex(/^[a-z0-9]{1,10}$/)).max(10) }))
    .max(10)
    .default([]),
});
export type ChooseFileInput = z.input<typeof chooseFileInputSchema>;

export const desktopMethods = {
  /** Opens a web link people recorded (原帖链接, a response's link) in the system browser: http(s) only. */
  openExternal: {
    input: z.strictObject({
      url: text().max(2000).regex(/^https?:\/\/\S+$/i, { error: '只能打开 http:// 或 https:// 链接' }),
    }),
    output: z.object({ opened: z.boolean() }),
  },
  /** The chosen path, or null when the person cancelled. */
  chooseFile: { input: chooseFileInputSchema, output: z.object({ path: text().nullable() }) },
} as const;
