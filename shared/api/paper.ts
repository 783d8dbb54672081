import { z } from 'zod';
import { text } from '../text.js';
import { noInput } from './app.js';

// The masthead and 版记 of the papers this workstation prints (周报, 月报, 年报): who issues them (编印单位) and
// the 报/送 lines of a 简报. Local to the workstation, like its name: each office that keeps the ledger
// (县委宣传部, 城关镇) issues its own papers under its own name to its own readers, so a synced setting would
// print one office's masthead on another's paper.

const line = (label: string, max: number) =>
  text()
    .trim()
    .max(max, { error: `${label}不超过${max}个字` })
    .regex(/^[^\p{Cc}]*$/u, { error: `${label}不能包含换行等控制字符` });

export const paperSettingsSchema = z.object({
  /** 编印单位, e.g. 中共某某县委宣传部; empty = the workstation's name. */
  issuer: line('编印单位', 40),
  /** 报：县委、县政府领导 — the line after 报：; empty = no 报 line. */
  reportTo: line('“报”送对象', 120),
  /** 送：各乡镇（街道）、县直各部门 — the line after 送：; empty = no 送 line. */
  copyTo: line('“送”对象', 120),
});
export type PaperSettings = z.infer<typeof paperSettingsSchema>;

export const paperMethods = {
  getPaperSettings: { input: noInput, output: paperSettingsSchema },
  /** Saves the masthead settings (audited); answers them as stored. */
  setPaperSettings: { input: z.strictObject(paperSettingsSchema.shape), output: paperSettingsSchema },
} as const;
