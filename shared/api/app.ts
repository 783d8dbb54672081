import { z } from 'zod';
import { nameText } from '../text.js';
import { appInfoSchema, auditReportSchema, referenceSchema } from '../schemas.js';

export const noInput = z.strictObject({}).default({});

/**
 * What people call this workstation (县委宣传部, 城关镇): peers see it on its contact card and its bundles. Short
 * enough for a header and a table cell; one line, so no control characters (a newline would break the card's
 * display and the CLI's one-line output).
 */
export const workstationNameSchema = nameText('工作站名称', 30);

/** The workstation, reference data and the audit check. */
export const appMethods = {
  getAppInfo: { input: noInput, output: appInfoSchema },
  /** Names this workstation; answers the workstation as getAppInfo does. Cards exported from now on carry it. */
  renameWorkstation: { input: z.strictObject({ name: workstationNameSchema }), output: appInfoSchema },
  getReference: { input: noInput, output: referenceSchema },
  verifyAudit: { input: noInput, output: auditReportSchema },
} as const;
