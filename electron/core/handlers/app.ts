import type { LedgerHandlers } from '../../../shared/contract.js';
import { verifyAudit } from '../ledger/verify-audit.js';
import { getReference } from '../ledger/reference.js';
import { setWorkstationCode, workstationCode } from '../ledger/numbering.js';
import { addStaff, chooseStaff, deactivateStaff, listStaff } from '../ledger/staff.js';
import { renameWorkstation } from '../ledger/workstation.js';
import type { Ledger } from '../open-ledger.js';

declare const APP_VERSION: string | undefined;

export function appHandlers(ledger: Ledger) {
  const appInfo = () => ({
    siteId: ledger.siteId,
    siteName: ledger.siteName,
    siteCode: workstationCode(ledger.db),
    schemaVersion: ledger.schemaVersion,
    appVersion: typeof APP_VERSION === 'string' ? APP_VERSION : 'dev',
  });
  return {
    getAppInfo: appInfo,
    renameWorkstation: ({ name }) => {
      renameWorkstation(ledger, name);
      return appInfo();
    },
    setWorkstationCode: ({ code }) => {
      setWorkstationCode(ledger, code);
      return appInfo();
    },
    listStaff: () => listStaff(ledger.db),
    addStaff: ({ name, post }) => addStaff(ledger.ctx, name, post),
    deactivateStaff: ({ name }) => deactivateStaff(ledger.ctx, name),
    chooseStaff: ({ name }) => {
      chooseStaff(ledger.ctx, name);
      return listStaff(ledger.db);
    },
    getReference: () => getReference(ledger.db),
    verifyAudit: () => verifyAudit(ledger.db),
  } satisfies Partial<LedgerHandlers>;
}
