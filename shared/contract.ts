import type { z } from 'zod';
import { appMethods } from './api/app.js';
import { attachmentMethods } from './api/attachments.js';
import { backupMethods } from './api/backup.js';
import { categoryMethods } from './api/categories.js';
import { commitmentMethods } from './api/commitments.js';
import { dashboardMethods } from './api/dashboard.js';
import { desktopMethods } from './api/desktop.js';
import { digestMethods } from './api/digest.js';
import type { ProgressEvent } from './api/events.js';
import { holidayMethods } from './api/holidays.js';
import { incidentMethods } from './api/incidents.js';
import { paperMethods } from './api/paper.js';
import { printMethods } from './api/print.js';
import { responseRuleMethods } from './api/response-rules.js';
import { responseMethods } from './api/responses.js';
import { syncMethods } from './api/sync.js';
import { excelMethods } from './api/excel.js';
import { similarityMethods } from './api/similarity.js';
import { timelineMethods } from './api/timeline.js';
import { townshipMethods } from './api/townships.js';
import { unitMethods } from './api/units.js';
import { viewMethods } from './api/views.js';
import { staffMethods } from './api/staff.js';
import { jobMethods } from './api/jobs.js';
import type { Result } from './errors.js';

// The single list of what the UI may ask of the ledger. electron/main registers exactly these on ipcMain,
// electron/preload exposes exactly these as `window.ledger`, the core service implements exactly these, and the
// browser-test host answers exactly these. Adding a feature = one entry here (its methods in shared/api/), one
// core handler, one UI call.
export const contract = {
  ...appMethods,
  ...incidentMethods,
  ...responseMethods,
  ...viewMethods,
  ...categoryMethods,
  ...townshipMethods,
  ...unitMethods,
  ...responseRuleMethods,
  ...attachmentMethods,
  ...timelineMethods,
  ...dashboardMethods,
  ...desktopMethods,
  ...commitmentMethods,
  ...printMethods,
  ...digestMethods,
  ...syncMethods,
  ...excelMethods,
  ...staffMethods,
  ...backupMethods,
  ...paperMethods,
  ...holidayMethods,
  ...similarityMethods,
  ...jobMethods,
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

export { channelOf } from './api/channels.js';

/** The contract's methods as the renderer calls them: every one answers a Result, never throws across the bridge. */
export type LedgerMethods = { [M in MethodName]: (input?: MethodInput<M>) => Promise<Result<MethodOutput<M>>> };

/** What `window.ledger` offers: the methods, and one subscription to long jobs' progress (returns its unsubscribe). */
export type LedgerApi = LedgerMethods & {
  // A property, not a method: it is handed around unbound (the preload's is a plain function, it uses no `this`).
  onProgress: (listener: (event: ProgressEvent) => void) => () => void;
};

/** What the core implements: parsed input in, plain output (or a thrown LedgerError) out. */
export type LedgerHandlers = { [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };
