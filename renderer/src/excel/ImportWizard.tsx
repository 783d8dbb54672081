import { useEffect, useState } from 'react';
import { IMPORT_FIELDS, type ImportField, type ImportMappingInput, type ImportPreview, type ImportReport, type SavedMapping } from '../../../shared/api/excel.js';
import { formatChinaDateTime } from '../../../shared/china-time.js';
import { Dialog } from '../commitments/Dialog.js';
import { ProgressBar } from '../common/ProgressBar.js';
import { useProgress } from '../common/useProgress.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';

const s = t.excel;

// 导入舆情台账: choose a file → the sheet and header found, the columns mapped (editable, remembered by name) →
// names the ledger lacks mapped once each → every problem by Excel row and header, the first rows as stored →
// import all or nothing, or every valid row → what happened. The preview changes nothing (the core checks every
// row by writing it in a transaction it rolls back); leaving before 导入 leaves the ledger as it was. 取消 while it
// checks or imports stops the core's job between rows (cancelJob): the import rolls back, and the preview returns
// with a line saying nothing was written.

type Step =
  | { kind: 'checking' }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'importing' }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'error'; message: string };

const FIELDS = Object.entries(IMPORT_FIELDS) as [ImportField, string][];
const emptyMapping = (): Required<ImportMappingInput> => ({ columns: {}, units: {}, townships: {} });

function Problems({ title, items, testId }: { title: string; items: ImportReport['errors']; testId: string }) {
  if (items.length === 0) return null;
  return (
    <section data-testid={testId}>
      <h3>{title}（{items.length}）</h3>
      <ul className="xl-problems">
        {items.slice(0, 200).map((p, i) => (
          <li key={i}>{s.problem(p.row, p.column, p.message)}</li>
        ))}
      </ul>
    </section>
  );
}

export function ImportWizard({ path, onClose, onImported }: { path: string; onClose: () => void; onImported: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'checking' });
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [mapping, setMapping] = useState(emptyMapping);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  const [mappingName, setMappingName] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [lastPreview, setLastPreview] = useState<ImportPreview | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [cancelledNote, setCancelledNote] = useState<string | null>(null);

  const check = async (nextSheet = sheet, nextMapping = mapping) => {
    setStep({ kind: 'checking' });
    const result = await call('previewImport', { path, ...(nextSheet ? { sheet: nextSheet } : {}), mapping: nextMapping });
    if (result.ok) setLastPreview(result.value);
    setStep(result.ok ? { kind: 'preview', preview: result.value } : { kind: 'error', message: result.error.message });
  };

  useEffect(() => {
    void check();
    void call('listImportMappings', {}).then((r) => r.ok && setSaved(r.value));
    // The file is chosen once per wizard: checked once when it opens, then again only when asked.
  }, [path]);

  const run = async () => {
    setCancelledNote(null);
    setStep({ kind: 'importing' });
    const result = await call('importSpreadsheet', { path, ...(sheet ? { sheet } : {}), mapping, skipInvalid });
    setCancelling(false);
    if (!result.ok && result.error.code === 'cancelled' && lastPreview) {
      setCancelledNote(result.error.message);
      return setStep({ kind: 'preview', preview: lastPreview });
    }
    if (!result.ok) return setStep({ kind: 'error', message: result.error.message });
    setStep({ kind: 'done', report: result.value });
    if (result.value.imported > 0) onImported();
  };

  const busy = step.kind === 'checking' || step.kind === 'importing';
  // 取消 while busy: the core stops its job at the next row (and rolls back); while checking, the wizard closes.
  const cancel = () => {
    if (step.kind === 'checking') {
      void call('cancelJob', { job: 'previewImport' });
      onClose();
      return;
    }
    setCancelling(true);
    void call('cancelJob', { job: 'importSpreadsheet' });
  };
  const progress = useProgress(step.kind === 'checking' ? 'previewImport' : 'importSpreadsheet', busy);

  const footer =
    step.kind === 'preview' ? (
      <>
        <button type="button" className="button" onClick={onClose}>
          {s.cancel}
        </button>
        <button type="button" className="button button-primary" data-testid="xl-import" onClick={() => void run()}>
          {s.submit}
        </button>
      </>
    ) : busy ? (
      <button type="button" className="button" data-testid="xl-cancel" disabled={cancelling} onClick={cancel}>
        {s.cancel}
      </button>
    ) : (
      <button type="button" className="button" onClick={onClose}>
        {s.close}
      </button>
    );

  return (
    <Dialog id="xl-wizard" title={s.wizardTitle} onClose={() => (step.kind === 'checking' ? cancel() : step.kind !== 'importing' && onClose())} footer={footer} wide testId="xl-wizard">
      <p className="muted" data-testid="xl-file">
        {s.file}：{path.split(/[\\/]/).pop()}
      </p>
      {busy && (
        <>
          <p className="muted" data-testid="xl-busy">{cancelling ? s.cancelling : step.kind === 'checking' ? s.checking : s.importing}</p>
          <ProgressBar label={s.progressLabel} event={progress} />
        </>
      )}
      {step.kind === 'error' && (
        <div className="banner banner-error" role="alert" data-testid="xl-error">
          <p>{step.message}</p>
          <p>{s.unchanged}</p>
        </div>
      )}
      {step.kind === 'done' && (
        <div data-testid="xl-done">
          <p className="sy-strong">
            {step.report.imported === 0 && step.report.errors.length > 0 && !skipInvalid ? s.refused : s.done(step.report.imported, step.report.duplicates, step.report.skipped)}
          </p>
          <Problems title={s.problemsTitle} items={step.report.errors} testId="xl-done-errors" />
        </div>
      )}
      {step.kind === 'preview' && cancelledNote && (
        <div className="banner xl-note" role="status" data-testid="xl-cancelled">
          <p>{cancelledNote}</p>
        </div>
      )}
      {step.kind === 'preview' && (
        <PreviewStep
          preview={step.preview}
          mapping={mapping}
          saved={saved}
          skipInvalid={skipInvalid}
          mappingName={mappingName}
          note={note}
          onSheet={(name) => {
            setSheet(name);
            void check(name, mapping);
          }}
          onMapping={(next) => setMapping(next)}
          onRecheck={() => void check(sheet, mapping)}
          onApplySaved={(m) => {
            const next = { ...emptyMapping(), ...m.mapping };
            setMapping(next);
            void check(sheet, next);
          }}
          onMappingName={setMappingName}
          onSaveMapping={() =>
            void call('saveImportMapping', { name: mappingName, mapping }).then((r) => {
              setNote(r.ok ? s.mappingSaved(r.value.name) : r.error.message);
              if (r.ok) setSaved((list) => [r.value, ...list.filter((m) => m.name !== r.value.name)]);
            })
          }
          onSkipInvalid={setSkipInvalid}
        />
      )}
    </Dialog>
  );
}

interface PreviewProps {
  preview: ImportPreview;
  mapping: Required<ImportMappingInput>;
  saved: SavedMapping[];
  skipInvalid: boolean;
  mappingName: string;
  note: string | null;
  onSheet: (name: string) => void;
  onMapping: (mapping: Required<ImportMappingInput>) => void;
  onRecheck: () => void;
  onApplySaved: (mapping: SavedMapping) => void;
  onMappingName: (name: string) => void;
  onSaveMapping: () => void;
  onSkipInvalid: (skip: boolean) => void;
}

function PreviewStep(p: PreviewProps) {
  const { preview, mapping } = p;
  const invalidRows = new Set(preview.errors.map((e) => e.row)).size;
  const duplicates = preview.duplicates;
  const valid = preview.rows - duplicates - invalidRows;
  return (
    <div className="xl-preview" data-testid="xl-preview">
      <div className="xl-row">
        <label className="field-label" htmlFor="xl-sheet">
          {s.sheet}
        </label>
        <select id="xl-sheet" value={preview.sheet} onChange={(e) => p.onSheet(e.target.value)}>
          {preview.sheets.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
        <span className="muted">{s.headerRows(preview.headerRows)}</span>
      </div>
      <p className="sy-strong" data-testid="xl-summary">
        {s.summary(preview.rows, valid, duplicates, invalidRows)}
      </p>
      <Problems title={s.problemsTitle} items={preview.errors} testId="xl-errors" />

      <h3>{s.columnsTitle}</h3>
      <table className="xl-columns" data-testid="xl-columns">
        <thead>
          <tr>
            <th>{s.columnHeader}</th>
            <th>{s.columnField}</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((c) => (
            <tr key={c.index}>
              <td>
                {c.letter} · {c.header}
              </td>
              <td>
                <select
                  aria-label={`${c.header} ${s.columnField}`}
                  value={mapping.columns[c.header] ?? c.field}
                  onChange={(e) => p.onMapping({ ...mapping, columns: { ...mapping.columns, [c.header]: e.target.value as ImportField } })}
                >
                  {FIELDS.map(([code, label]) => (
                    <option key={code} value={code}>
                      {label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {preview.unmatched.length > 0 && (
        <section data-testid="xl-unmatched">
          <h3>{s.unmatchedTitle}</h3>
          {preview.unmatched.map((u) => {
            const key = `${u.kind}-${u.value}`;
            const current = mapping[u.kind][u.value];
            return (
              <div className="xl-row" key={key}>
                <span>
                  “{u.value}”（{s.unmatchedRows(u.rows)}）{s.mapTo}
                </span>
                <input
                  aria-label={`${u.value} ${s.mapTo}`}
                  list={`${key}-list`}
                  value={typeof current === 'string' ? current : ''}
                  disabled={typeof current === 'object'}
                  onChange={(e) => p.onMapping({ ...mapping, [u.kind]: { ...mapping[u.kind], [u.value]: e.target.value } })}
                />
                <datalist id={`${key}-list`}>
                  {u.suggestions.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={typeof current === 'object'}
                    onChange={(e) => {
                      const rest = { ...mapping[u.kind] };
                      if (e.target.checked) rest[u.value] = u.kind === 'units' ? { add: 'department' } : { add: true };
                      else delete rest[u.value];
                      p.onMapping({ ...mapping, [u.kind]: rest });
                    }}
                  />
                  {s.addNew}
                </label>
              </div>
            );
          })}
        </section>
      )}
      <div className="xl-row">
        <button type="button" className="button" data-testid="xl-recheck" onClick={p.onRecheck}>
          {s.recheck}
        </button>
        {p.saved.length > 0 && (
          <select aria-label={s.savedMappings} value="" onChange={(e) => { const m = p.saved.find((x) => x.name === e.target.value); if (m) p.onApplySaved(m); }}>
            <option value="">{s.savedMappings}…</option>
            {p.saved.map((m) => (
              <option key={m.name}>{m.name}</option>
            ))}
          </select>
        )}
        <input aria-label={s.mappingName} placeholder={s.mappingName} value={p.mappingName} onChange={(e) => p.onMappingName(e.target.value)} />
        <button type="button" className="button" disabled={p.mappingName.trim() === ''} onClick={p.onSaveMapping}>
          {s.saveMapping}
        </button>
        {p.note && <span className="muted">{p.note}</span>}
      </div>

      <Problems title={s.warningsTitle} items={preview.warnings} testId="xl-warnings" />

      <h3>{s.previewTitle}</h3>
      <table className="xl-rows" data-testid="xl-rows">
        <thead>
          <tr>
            {s.previewColumns.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.preview.map((r) => (
            <tr key={r.row} className={r.valid ? undefined : 'xl-invalid'}>
              <td>{r.row}</td>
              <td>{r.title}</td>
              <td>{r.foundAt ? formatChinaDateTime(r.foundAt) : ''}</td>
              <td>{r.platform}</td>
              <td>{r.severity}</td>
              <td>{r.leadUnit ?? ''}</td>
              <td>{r.responses}</td>
              <td>{r.commitments}</td>
              <td>{r.duplicate ? s.duplicate : r.valid ? '' : s.invalid}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <fieldset className="xl-mode">
        <label className="check">
          <input type="radio" name="xl-mode" checked={!p.skipInvalid} onChange={() => p.onSkipInvalid(false)} />
          {s.allOrNothing}
        </label>
        <label className="check">
          <input type="radio" name="xl-mode" data-testid="xl-skip-invalid" checked={p.skipInvalid} onChange={() => p.onSkipInvalid(true)} />
          {s.skipInvalid}
        </label>
      </fieldset>
    </div>
  );
}
