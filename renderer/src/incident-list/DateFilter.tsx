import { useEffect, useState } from 'react';
import { toChinaInputValue } from '../../../shared/china-time.js';
import { t } from '../i18n/zh-CN.js';
import { parseChinaDateTime } from '../../../shared/input/written-time.js';

/** `2026-11-1` → `2026-11-01`; undefined when not a real date. */
function normaliseDay(text: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const iso = parseChinaDateTime(`${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`);
  return iso ? toChinaInputValue(iso).slice(0, 10) : undefined;
}

/**
 * A date typed the way the rest of the app takes dates (2026-11-01), rather than the browser's date input,
 * whose format follows the operating system's locale and may read mm/dd/yyyy. Applied on Enter or leaving.
 */
export function DateFilter({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (day: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setDraft(value);
    setInvalid(false);
  }, [value]);

  const commit = () => {
    if (draft.trim() === '') {
      setInvalid(false);
      if (value !== '') onChange('');
      return;
    }
    const day = normaliseDay(draft);
    setInvalid(day === undefined);
    if (day !== undefined) {
      setDraft(day);
      if (day !== value) onChange(day);
    }
  };

  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className="date-input"
        placeholder={t.ledger.filters.datePlaceholder}
        value={draft}
        aria-invalid={invalid || undefined}
        title={invalid ? t.ledger.filters.dateFormat : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {invalid && (
        <span className="field-error" role="alert">
          {t.ledger.filters.dateFormat}
        </span>
      )}
    </div>
  );
}
