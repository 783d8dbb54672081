import { contract, type LedgerApi, METHOD_NAMES, type MethodInput, type MethodName, type MethodOutput } from '../../shared/contract.js';
import type { Result } from '../../shared/errors.js';
import type { z } from 'zod';
// For its `window.ledger` declaration: the renderer owns the one place that types the bridge.
import type {} from '../../renderer/src/ledger.js';
import { type Ledger, openLedger } from '../../electron/core/ledger.js';
import { type CallLedger, createDispatcher, createHandlers } from '../../electron/core/service.js';

// `window.ledger` for component tests, answered by the real core on an in-memory database rather than a mock:
// the UI under test meets the same validation, numbering and error messages it meets in the app. Like the
// preload bridge, it structured-clones what crosses (so non-cloneable values fail here as they would over IPC),
// and it checks every answer against the contract's output schema.

// The contract, seen per method: lets a generic method name pick its own output schema with its exact type.
const outputs: { [M in MethodName]: { output: z.ZodType<MethodOutput<M>> } } = contract;

function method<M extends MethodName>(call: CallLedger, name: M) {
  return async (input?: MethodInput<M>): Promise<Result<MethodOutput<M>>> => {
    const result = await call(name, input === undefined ? undefined : structuredClone(input));
    if (!result.ok) return structuredClone(result);
    return { ok: true, value: outputs[name].output.parse(structuredClone(result.value)) };
  };
}

export function realLedgerApi(call: CallLedger): LedgerApi {
  // Written out so the type checker insists on exactly the contract's methods; the test also compares the keys
  // with METHOD_NAMES at run time.
  return {
    getAppInfo: method(call, 'getAppInfo'),
    getReference: method(call, 'getReference'),
    createIncident: method(call, 'createIncident'),
    updateIncident: method(call, 'updateIncident'),
    getIncident: method(call, 'getIncident'),
    listIncidents: method(call, 'listIncidents'),
    transitionIncident: method(call, 'transitionIncident'),
    verifyAudit: method(call, 'verifyAudit'),
    addResponse: method(call, 'addResponse'),
    listResponses: method(call, 'listResponses'),
    listClock: method(call, 'listClock'),
    listSavedViews: method(call, 'listSavedViews'),
    saveView: method(call, 'saveView'),
    deleteSavedView: method(call, 'deleteSavedView'),
    updateCategory: method(call, 'updateCategory'),
    addCategory: method(call, 'addCategory'),
    deleteCategory: method(call, 'deleteCategory'),
    addAttachment: method(call, 'addAttachment'),
    listAttachments: method(call, 'listAttachments'),
    getAttachmentData: method(call, 'getAttachmentData'),
    openAttachment: method(call, 'openAttachment'),
    getIncidentTimeline: method(call, 'getIncidentTimeline'),
    getDashboard: method(call, 'getDashboard'),
    addCommitment: method(call, 'addCommitment'),
    updateCommitment: method(call, 'updateCommitment'),
    getCommitment: method(call, 'getCommitment'),
    listCommitments: method(call, 'listCommitments'),
    previewDeadline: method(call, 'previewDeadline'),
    getClosingCheck: method(call, 'getClosingCheck'),
    addFollowup: method(call, 'addFollowup'),
    listFollowups: method(call, 'listFollowups'),
    addFeedback: method(call, 'addFeedback'),
    listFeedback: method(call, 'listFeedback'),
    getCommitmentBoard: method(call, 'getCommitmentBoard'),
    listDue: method(call, 'listDue'),
    getAttention: method(call, 'getAttention'),
    renderSupervisionSheet: method(call, 'renderSupervisionSheet'),
    listCalendarOverrides: method(call, 'listCalendarOverrides'),
    setCalendarOverride: method(call, 'setCalendarOverride'),
    deleteCalendarOverride: method(call, 'deleteCalendarOverride'),
    printDocument: method(call, 'printDocument'),
    getDigest: method(call, 'getDigest'),
    renderDigest: method(call, 'renderDigest'),
    getSyncIdentity: method(call, 'getSyncIdentity'),
    getContactCard: method(call, 'getContactCard'),
    exportContactCard: method(call, 'exportContactCard'),
    rotateSyncKeys: method(call, 'rotateSyncKeys'),
    listPeers: method(call, 'listPeers'),
    addPeer: method(call, 'addPeer'),
    setPeerTrust: method(call, 'setPeerTrust'),
    exportBundle: method(call, 'exportBundle'),
    previewBundle: method(call, 'previewBundle'),
    importBundle: method(call, 'importBundle'),
    listConflicts: method(call, 'listConflicts'),
    acceptConflict: method(call, 'acceptConflict'),
    keepOtherValue: method(call, 'keepOtherValue'),
    bundleHistory: method(call, 'bundleHistory'),
    listQuarantine: method(call, 'listQuarantine'),
  };
}

export interface InstalledLedger {
  ledger: Ledger;
  api: LedgerApi;
  uninstall(): void;
}

/** Opens a fresh in-memory ledger and installs it as `window.ledger`. */
export function installRealLedger(options: { siteName?: string } = {}): InstalledLedger {
  const ledger = openLedger({ path: ':memory:', siteName: options.siteName ?? '县委网信办工作站' });
  const api = realLedgerApi(createDispatcher(createHandlers(ledger)));
  window.ledger = api;
  return {
    ledger,
    api,
    uninstall: () => {
      delete window.ledger;
      ledger.close();
    },
  };
}

export { METHOD_NAMES };
