import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { CalendarOverrideEntry } from '../../../shared/api/commitments.js';
import { chinaYear } from '../../../shared/china-time.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { useUi } from '../stores/ui.js';
import { LIBRARY_FIRST_YEAR, LIBRARY_LAST_YEAR } from './calendarCoverage.js';
import './calendar.css';

const c = t.calendar;
type Field = 'date' | 'work' | 'name';
type YearState = 'library' | 'office' | 'unverified';

/** 2027-02-06 → 2027年2月6日 星期六 */
function dateLabel(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const weekday = '日一二三四五六'[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${y}年${m}月${d}日 星期${weekday}`;
}

/**
 * 节假日调整: the office's own calendar entries for years the built-in official calendar does not cover (or a
 * local arrangement). Saving or deleting one makes the core recompute the open commitments that depend on it.
 */
export function CalendarOverrides() {
  const thisYear = chinaYear(new Date().toISOString());
  const [year, setYear] = useState<number | 'all'>(thisYear);
  const [entries, setEntries] = useState<CalendarOverrideEntry[] | null>(null);
  const [allYears, setAllYears] = useState<number[]>([]);
  const [yearState, setYearState] = useState<YearState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const notify = useUi((s) => s.notify);

  const load = useCallback(async () => {
    const [shown, all, probe] = await Promise.all([
      call('listCalendarOverrides', year === 'all' ? {} : { year }),
      call('listCalendarOverrides', {}),
      // Whether a date in the year counts as verified: the library covers it, or the office entered it.
      year === 'all' ? Promise.resolve(null) : call('previewDeadline', { deadline: { date: `${year}-07-01` } }),
    ]);
    setEntries(shown.ok ? shown.value : []);
    setLoadError(shown.ok ? null : shown.error.message);
    if (all.ok) setAllYears([...new Set(all.value.map((e) => Number(e.date.slice(0, 4))))]);
    if (year === 'all' || probe === null || !probe.ok) setYearState(null);
    else if (!probe.value.verified) setYearState('unverified');
    else setYearState(year >= LIBRARY_FIRST_YEAR && year <= LIBRARY_LAST_YEAR ? 'library' : 'office');
  }, [year]);

  useEffect(() => {
    void load();
  }, [load]);

  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, ...allYears, ...(year === 'all' ? [] : [year])])].sort(
    (a, b) => a - b,
  );

  // Deleting moves deadlines, so it is confirmed — in the row itself, not by a browser dialog.
  const [pending, setPending] = useState<string | null>(null);
  const remove = async (date: string) => {
    setPending(null);
    const result = await call('deleteCalendarOverride', { date });
    if (!result.ok) return setLoadError(result.error.message);
    notify(c.deleted(date, result.value.recomputed));
    await load();
  };

  return (
    <section className="panel" aria-labelledby="calendar-heading" data-testid="calendar-overrides">
      <h2 className="panel-title" id="calendar-heading">
        {c.title}
      </h2>
      <p className="panel-hint muted" data-testid="calendar-coverage">
        {c.hint(LIBRARY_FIRST_YEAR, LIBRARY_LAST_YEAR)}
      </p>
      <div className="cal-toolbar">
        <label className="cal-year">
          {c.year}
          <select
            value={String(year)}
            data-testid="calendar-year"
            onChange={(e) => setYear(e.target.value === 'all' ? 'all' : Number(e.target.value))}
          >
            <option value="all">{c.allYears}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
        </label>
        {year !== 'all' && yearState && (
          <span className={`cal-state cal-state-${yearState}`} data-testid="calendar-year-state">
            {c.yearState[yearState](year)}
          </span>
        )}
      </div>
      {loadError && (
        <p className="field-error" role="alert">
          {loadError}
        </p>
      )}
      {entries !== null && entries.length === 0 && <p className="muted">{year === 'all' ? c.noneAll : c.none}</p>}
      {entries !== null && entries.length > 0 && (
        <table className="cal-table" data-testid="calendar-list">
          <thead>
            <tr>
              <th scope="col">{c.columns.date}</th>
              <th scope="col">{c.columns.kind}</th>
              <th scope="col">{c.columns.name}</th>
              <th scope="col">
                <span className="visually-hidden">{c.delete}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.date} data-testid="calendar-entry" data-date={entry.date}>
                <td>{dateLabel(entry.date)}</td>
                <td>
                  <span className={`cal-kind ${entry.work ? 'cal-kind-work' : 'cal-kind-off'}`}>{entry.work ? c.workShort : c.offShort}</span>
                </td>
                <td>{entry.name}</td>
                <td className="cal-actions">
                  {pending === entry.date ? (
                    <span role="group" aria-label={c.confirmDelete(entry.date)}>
                      {c.confirmDelete(entry.date)}
                      <button type="button" className="link-button link-danger" onClick={() => void remove(entry.date)}>
                        {c.confirmYes}
                      </button>
                      <button type="button" className="link-button" onClick={() => setPending(null)}>
                        {c.confirmNo}
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="link-button link-danger" aria-label={c.deleteLabel(entry.date)} onClick={() => setPending(entry.date)}>
                      {c.delete}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddOverrideForm
        onSaved={async (date) => {
          const y = Number(date.slice(0, 4));
          if (year !== 'all' && y !== year) setYear(y);
          else await load();
        }}
      />
    </section>
  );
}

function AddOverrideForm({ onSaved }: { onSaved: (date: string) => Promise<void> }) {
  const [date, setDate] = useState('');
  const [work, setWork] = useState<boolean | null>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useUi((s) => s.notify);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    // 上班/放假 left unchosen is left out, so the core says “请选择上班或放假”.
    const draft: { date: string; work?: boolean; name: string } = { date, name, ...(work === null ? {} : { work }) };
    const result = await call('setCalendarOverride', draft as { date: string; work: boolean; name: string });
    setBusy(false);
    if (!result.ok) {
      const byField: Partial<Record<Field, string>> = {};
      const other: string[] = [];
      for (const f of result.error.fields ?? []) {
        const key = f.path.split('.')[0];
        if (key === 'date' || key === 'work' || key === 'name') byField[key] ??= f.message;
        else other.push(f.message);
      }
      setErrors(byField);
      setGeneral(other.length > 0 || Object.keys(byField).length === 0 ? [result.error.message, ...other].join(' ') : null);
      return;
    }
    setErrors({});
    setGeneral(null);
    setDate('');
    setName('');
    setWork(null);
    notify(c.saved(result.value.override.date, result.value.recomputed));
    await onSaved(result.value.override.date);
  };

  const message = (field: Field) =>
    errors[field] && (
      <p className="field-error" id={`cal-${field}-error`} data-testid={`calendar-error-${field}`}>
        {errors[field]}
      </p>
    );
  const described = (field: Field) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `cal-${field}-error` : undefined,
  });

  return (
    <form className="form cal-add" data-testid="calendar-add" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="form-section">{c.addTitle}</h3>
      {general && (
        <div className="banner banner-error" role="alert">
          {general}
        </div>
      )}
      <div className="cal-add-grid">
        <div className={`field field-required${errors.date ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor="cal-date">
            {c.date}
          </label>
          <input id="cal-date" type="text" placeholder={c.datePlaceholder} value={date} maxLength={20} onChange={(e) => setDate(e.target.value)} {...described('date')} />
          {message('date')}
        </div>
        <fieldset className={`field field-required${errors.work ? ' field-invalid' : ''}`} {...described('work')}>
          <legend className="field-label">{c.kind}</legend>
          <div className="chips" role="radiogroup" aria-label={c.kind}>
            <label className="chip chip-plain">
              <input type="radio" name="cal-work" checked={work === false} onChange={() => setWork(false)} />
              {c.off}
            </label>
            <label className="chip chip-plain">
              <input type="radio" name="cal-work" checked={work === true} onChange={() => setWork(true)} />
              {c.work}
            </label>
          </div>
          {message('work')}
        </fieldset>
        <div className={`field${errors.name ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor="cal-name">
            {c.name}
          </label>
          <input id="cal-name" type="text" placeholder={c.namePlaceholder} value={name} maxLength={50} onChange={(e) => setName(e.target.value)} {...described('name')} />
          {message('name')}
        </div>
      </div>
      <div className="inline-actions">
        <button type="submit" className="button button-primary" data-testid="calendar-submit" disabled={busy}>
          {c.add}
        </button>
      </div>
    </form>
  );
}
