import { z } from 'zod';
import { nameText, text } from '../text.js';
import { appInfoSchema, auditReportSchema, referenceSchema } from '../schemas.js';

export const noInput = z.strictObject({}).default({});

/**
 * What people call this workstation (县委宣传部, 城关镇): peers see it on its contact card and its bundles. Short
 * enough for a header and a table cell; one line, so no control characters (a newline would break the card's
 * display and the CLI's one-line output).
 */
export const workstationNameSchema = nameText('工作站名称', 30);

/**
 * The workstation's short code in every incident number it gives (YQ-2026-宣-0001): one to four Chinese characters,
 * capital letters or digits, not digits alone (a number must never read like another's sequence).
 */
export const workstationCodeSchema = text({ error: '请填写工作站代码' })
  .trim()
  .min(1, { error: '请填写工作站代码' })
  .max(4, { error: '工作站代码不超过4个字' })
  .regex(/^[\p{Script=Han}A-Z0-9]+$/u, { error: '工作站代码只能用汉字、大写字母或数字（如 宣、城关、XF）' })
  .refine((code) => !/^\d+$/.test(code), { error: '工作站代码不能全是数字' });

/** The workstation, reference data and the audit check. */
export const appMethods = {
  getAppInfo: { input: noInput, output: appInfoSchema },
  /** Names this workstation; answers the workstation as getAppInfo does. Cards exported from now on carry it. */
  renameWorkstation: { input: z.strictObject({ name: workstationNameSchema }), output: appInfoSchema },
  /** Sets the code in the numbers this workstation gives from now on; numbers already given never change. */
  setWorkstationCode: { input: z.strictObject({ code: workstationCodeSchema }), output: appInfoSchema },
  getReference: { input: noInput, output: referenceSchema },
  verifyAudit: { input: noInput, output: auditReportSchema },
} as const;
