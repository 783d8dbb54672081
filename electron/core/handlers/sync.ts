import { audited } from '../ledger/audit.js';
import type { LedgerHandlers } from '../../../shared/contract.js';
import type { Ledger } from '../open-ledger.js';
import { progressReporter, type ProgressSink } from '../progress.js';
import { cardOf, cardText, parseCard } from '../sync/card.js';
import { acceptConflict, keepOtherValue, listConflicts } from '../sync/conflicts.js';
import { exportBundleFile, writeAtomically } from '../sync/export.js';
import { bundleHistory } from '../sync/history.js';
import { loadIdentity, publicIdentity, rotateIdentity } from '../sync/identity.js';
import { importBundleFile } from '../sync/import.js';
import { addPeer, listPeers, setPeerTrust } from '../sync/peers.js';
import { exportProgress, importProgress } from '../sync/progress.js';
import { listQuarantine } from '../sync/quarantine.js';

export function syncHandlers(ledger: Ledger, progress?: ProgressSink) {
  const { ctx, db } = ledger;
  const at = () => new Date(ctx.now()).toISOString();
  // One throttled reporter per run; nothing at all when nobody listens.
  const importing = (job: 'previewBundle' | 'importBundle') => {
    const report = progressReporter(progress, job);
    return report ? { onProgress: importProgress(report, job === 'previewBundle') } : {};
  };
  const exporting = () => {
    const report = progressReporter(progress, 'exportBundle');
    return report ? { onProgress: exportProgress(report) } : {};
  };
  return {
    getSyncIdentity: async () => publicIdentity(await loadIdentity(ledger)),
    getContactCard: async () => {
      const card = cardOf(await loadIdentity(ledger));
      return { text: cardText(card), card };
    },
    exportContactCard: async ({ path }) => {
      const card = cardOf(await loadIdentity(ledger));
      writeAtomically(path, new TextEncoder().encode(cardText(card)));
      return { path, fingerprint: card.fingerprint };
    },
    rotateSyncKeys: async () => publicIdentity(await rotateIdentity(ledger)),
    listPeers: () => listPeers(db),
    addPeer: async ({ cardText: text, trusted }) => {
      const card = await parseCard(text);
      return audited(
        ctx,
        { action: 'peer.add', entity: 'peer', entityId: card.site, summary: `添加工作站“${card.name}”（指纹 ${card.fingerprint}）${trusted ? '并信任' : '，暂不信任'}` },
        () => addPeer(db, card, trusted, ledger.siteId, at()),
      );
    },
    setPeerTrust: ({ peer, trusted }) =>
      audited(ctx, { action: 'peer.trust', entity: 'peer', entityId: peer, summary: `${trusted ? '信任' : '取消信任'}工作站“${peer}”` }, () =>
        setPeerTrust(db, peer, trusted, at()),
      ),
    exportBundle: ({ path, peers, passphrase, full, attachments }) =>
      exportBundleFile(ledger, path, { peers, full, attachments, ...(passphrase !== undefined ? { passphrase } : {}), ...exporting() }),
    previewBundle: ({ path, passphrase }) =>
      importBundleFile(ledger, path, { dryRun: true, ...(passphrase !== undefined ? { passphrase } : {}), ...importing('previewBundle') }),
    importBundle: ({ path, passphrase, confirmMassDelete }) =>
      importBundleFile(ledger, path, { confirmMassDelete, ...(passphrase !== undefined ? { passphrase } : {}), ...importing('importBundle') }),
    listConflicts: ({ openOnly, limit }) => listConflicts(db, { openOnly, limit }),
    acceptConflict: ({ id }) =>
      audited(ctx, { action: 'conflict.accept', entity: 'conflict', entityId: String(id), summary: `确认冲突 ${id} 的结果` }, () => acceptConflict(ctx, id)),
    keepOtherValue: ({ id }) => keepOtherValue(ctx, id),
    bundleHistory: ({ limit }) => bundleHistory(db, limit),
    listQuarantine: () => listQuarantine(db, ctx.now()),
  } satisfies Partial<LedgerHandlers>;
}

