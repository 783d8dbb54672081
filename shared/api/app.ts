import { z } from 'zod';
import { appInfoSchema, auditReportSchema, referenceSchema } from '../schemas.js';

export const noInput = z.strictObject({}).default({});

/** The workstation, reference data and the audit check. */
export const appMethods = {
  getAppInfo: { input: noInput, output: appInfoSchema },
  getReference: { input: noInput, output: referenceSchema },
  verifyAudit: { input: noInput, output: auditReportSchema },
} as const;
