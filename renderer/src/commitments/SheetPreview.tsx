import { useEffect, useState } from 'react';
import type { PrintInput } from '../../../shared/api/print.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useUi } from '../stores/ui.js';
import { Dialog } from './Dialog.js';
import { useCommitments } from './store.js';

const s = t.commitments;

/**
 * The 督办单 of one unit as the core rendered it, previewed in a sandboxed iframe (no script, its own CSP), with
 * 打印 (system dialog) and 导出PDF — both through printDocument, the print path the weekly digest uses too.
 */
export function SheetPreview({ unitId }: { unitId: string }) {
  const openSheet = useCommitments((st) => st.openSheet);
  const notify = useUi((st) => st.notify);
  const [doc, setDoc] = useState<{ html: string; title: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => openSheet(null);

  useEffect(() => {
    let live = true;
    void call('renderSupervisionSheet', { unit: unitId }).then((r) => {
      if (!live) return;
      if (r.ok) setDoc(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [unitId]);

  const print = async (mode: PrintInput['mode']) => {
    if (!doc) return;
    setBusy(true);
    // The core renders the sheet again for the printer: the page names the document, never sends its HTML.
    const result = await call('printDocument', { document: { kind: 'supervisionSheet', unit: unitId }, mode });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    if (result.value.path) notify(s.exported(result.value.path));
    else if (mode === 'dialog') notify(s.sentToPrinter);
  };

  return (
    <Dialog
      id="cm-sheet"
      title={doc?.title ?? s.sheet}
      onClose={close}
      wide
      testId="sheet-preview"
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            {t.close}
          </button>
          <button type="button" className="button" disabled={!doc || busy} data-testid="sheet-pdf" onClick={() => void print('pdf')}>
            {busy ? s.printing : s.exportPdf}
          </button>
          <button type="button" className="button button-primary" disabled={!doc || busy} data-testid="sheet-print" onClick={() => void print('dialog')}>
            {s.print}
          </button>
        </>
      }
    >
      {error && (
        <div className="banner banner-error" role="alert" data-testid="sheet-error">
          {error}
        </div>
      )}
      {doc ? (
        <iframe className="cm-sheet-frame" title={doc.title} sandbox="" srcDoc={doc.html} data-testid="sheet-frame" />
      ) : (
        !error && <p>{t.loading}</p>
      )}
    </Dialog>
  );
}
