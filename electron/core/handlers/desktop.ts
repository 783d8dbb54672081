import type { LedgerHandlers } from '../../../shared/contract.js';
import { LedgerError } from '../../../shared/errors.js';

// chooseFile is the desktop's to answer (electron/main shows the dialog; the test host answers a configured
// path). The core, reached directly only from the CLI, has no dialog to show.
export function desktopHandlers() {
  return {
    chooseFile: () => {
      throw new LedgerError('invalid_input', '当前环境没有文件选择对话框，请直接给出文件路径。');
    },
    // Without a desktop there is no browser to hand the link to; the caller shows it instead.
    openExternal: () => ({ opened: false }),
  } satisfies Partial<LedgerHandlers>;
}
