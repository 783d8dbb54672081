import { z } from 'zod';
import type { Result } from './errors.js';
import {
  appInfoSchema,
  auditReportSchema,
  incidentId,
  incidentInputSchema,
  incidentPageSchema,
  incidentPatchSchema,
  incidentQuerySchema,
  incidentSchema,
  referenceSchema,
  transitionInputSchema,
} from './schemas.js';

// The single list of what the UI may ask of the ledger. electron/main registers exactly these on ipcMain,
// electron/preload exposes exactly these as `window.ledger`, the core service implements exactly these, and the
// browser-test host answers exactly these. Adding a feature = one entry here, one core function, one UI call.

const noInput = z.strictObject({}).default({});

export const contract = {
  getAppInfo: { input: noInput, output: appInfoSchema },
  getReference: { input: noInput, output: referenceSchema },
  createIncident: { input: incidentInputSchema, output: incidentSchema },
  updateIncident: { input: z.strictObject({ id: incidentId, patch: incidentPatchSchema }), output: incidentSchema },
  getIncident: { input: z.strictObject({ id: incidentId }), output: incidentSchema },
  listIncidents: { input: incidentQuerySchema, output: incidentPageSchema },
  transitionIncident: { input: transitionInputSchema, output: incidentSchema },
  verifyAudit: { input: noInput, output: auditReportSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The IPC channel a method travels on. */
export const channelOf = (method: MethodName) => `ledger:${method}`;

/** What `window.ledger` offers the renderer: every method answers a Result, never throws across the bridge. */
export type LedgerApi = { [M in MethodName]: (input?: MethodInput<M>) => Promise<Result<MethodOutput<M>>> };

/** What the core implements: parsed input in, plain output (or a thrown LedgerError) out. */
export type LedgerHandlers = { [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };
