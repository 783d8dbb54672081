import { useState } from 'react';
import type { ParsedNoticeResult } from '../../../shared/api/holidays.js';
import { chinaYear } from '../../../shared/china-time.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useUi } from '../stores/ui.js';
import { refusalLine } from '../forms/refusals.js';

const h = t.holidayNotice;
const day = (ymd: string) => `${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日`;

/**
 * A year's holidays at once: paste the 国务院办公厅 notice, see each holiday's days off and 调休 working days as
 * the core read them (and anything that does not add up), then 确认录入 saves them all in one transaction.
 */
export function HolidayNoticeImport() {
  const notify = useUi((s) => s.notify);
  const [text, setText] = useState('');
  const [year, setYear] = useState(() => chinaYear(new Date().toISOString()) + 1);
  const [parsed, setParsed] = useState<ParsedNoticeResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const preview = async () => {
    const result = await call('previewHolidayNotice', { text, year });
    if (!result.ok) return setError(refusalLine(result.error));
    setError(null);
    setParsed(result.value);
  };
  const confirm = async () => {
    const result = await call('importHolidayNotice', { text, year });
    if (!result.ok) return setError(result.error.message);
    notify(h.saved(result.value.saved, result.value.recomputed));
    setParsed(null);
    setText('');
  };

  return (
    <section className="panel" aria-labelledby="notice-heading" data-testid="holiday-notice">
      <PanelHeading id="notice-heading" title={h.title} />
      <p className="panel-hint muted">{h.hint}</p>
      <label className="field">
        <span>{h.year}</span>
        <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
      </label>
      <label className="field">
        <span>{h.text}</span>
        <textarea
          rows={6}
          value={text}
          placeholder={h.placeholder}
          onChange={(e) => {
            setText(e.target.value);
            setParsed(null);
          }}
        />
      </label>
      <button type="button" className="button" disabled={text.trim() === ''} onClick={() => void preview()}>
        {h.preview}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {parsed && (
        <div data-testid="holiday-notice-preview">
          {parsed.problems.length > 0 && (
            <ul className="field-error" role="alert">
              {parsed.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          <table className="cal-table">
            <thead>
              <tr>
                <th scope="col">{h.columns.name}</th>
                <th scope="col">{h.columns.off}</th>
                <th scope="col">{h.columns.work}</th>
              </tr>
            </thead>
            <tbody>
              {parsed.holidays.map((holiday) => (
                <tr key={holiday.name} data-testid="holiday-notice-row">
                  <td>{holiday.name}</td>
                  <td>{h.offDays(day(holiday.off[0]!), day(holiday.off.at(-1)!), holiday.off.length)}</td>
                  <td>{holiday.work.length === 0 ? h.noWork : holiday.work.map(day).join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            className="button button-primary"
            disabled={parsed.problems.length > 0 || parsed.entries.length === 0}
            onClick={() => void confirm()}
          >
            {h.confirm(parsed.year ?? year, parsed.entries.length)}
          </button>
        </div>
      )}
    </section>
  );
}
