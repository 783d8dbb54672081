import { useCallback, useEffect, useState } from 'react';
import { type CalendarOverrideEntry, commitmentMethods } from '../../../shared/api/commitments.js';
import type { CalendarCoverage } from '../../../shared/api/holidays.js';
import { chinaYear, formatYmd, weekdayName } from '../../../shared/china-time.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { DateTimeField } from '../forms/DateTimeField.js';
import { ChoiceField, FormField } from '../forms/FormField.js';
import { writtenDate } from '../forms/pickerValue.js';
import { useLedgerForm } from '../forms/useLedgerForm.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useUi } from '../stores/ui.js';
import './calendar.css';

const c = t.calendar;
type YearState = 'library' | 'office' | 'unverified';

/** 2027-02-06 → 2027年2月6日 星期六 */
const dateLabel = (ymd: string) => `${formatYmd(ymd)} ${weekdayName(ymd)}`;

/**
 * 节假日调整: the office's own calendar entries for years the built-in official calendar does not cover (or a
 * local arrangement). Saving or deleting one makes the core recompute the open commitments that depend on it.
 */
export function CalendarOverrides() {
  const thisYear = chinaYear(new Date().toISOString());
  const [year, setYear] = useState<number | 'all'>(thisYear);
  const [entries, setEntries] = useState<CalendarOverrideEntry[] | null>(null);
  const [allYears, setAllYears] = useState<number[]>([]);
  /** Whether a date in the chosen year counts as verified (null: not asked, or all years shown). */
  const [yearVerified, setYearVerified] = useState<boolean | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** The years the core's built-in calendar covers, asked once. */
  const [coverage, setCoverage] = useState<CalendarCoverage | null>(null);
  const notify = useUi((s) => s.notify);

  useEffect(() => {
    void call('getCalendarCoverage').then((result) => result.ok && setCoverage(result.value));
  }, []);

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
    setYearVerified(year === 'all' || probe === null || !probe.ok ? null : probe.value.verified);
  }, [year]);

  useEffect(() => {
    void load();
  }, [load]);

  const libraryCovers = (y: number) => coverage !== null && y >= coverage.firstYear && y <= coverage.lastYear;
  const yearState: YearState | null =
    year === 'all' || yearVerified === null || coverage === null ? null : !yearVerified ? 'unverified' : libraryCovers(year) ? 'library' : 'office';

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
      <PanelHeading id="calendar-heading" title={c.title} />
      {coverage && (
        <p className="panel-hint muted" data-testid="calendar-coverage">
          {c.hint(coverage.firstYear, coverage.lastYear)}
        </p>
      )}
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

interface OverrideValues {
  date: string;
  work: '' | 'off' | 'work';
  name: string;
}
const BLANK: OverrideValues = { date: '', work: '', name: '' };

function AddOverrideForm({ onSaved }: { onSaved: (date: string) => Promise<void> }) {
  const notify = useUi((s) => s.notify);
  const lf = useLedgerForm({
    defaultValues: BLANK,
    contract: {
      // 上班/放假 left unchosen is left out, so the schema says “请选择上班或放假”; a date may be written as people write it.
      draft: (v: OverrideValues) => ({ date: writtenDate(v.date), name: v.name, ...(v.work === '' ? {} : { work: v.work === 'work' }) }),
      schema: commitmentMethods.setCalendarOverride.input,
    },
    ids: { prefix: 'cal', testPrefix: 'calendar' },
  });

  const submit = lf.onSubmit(async (request) => {
    const result = await call('setCalendarOverride', request);
    if (!result.ok) return lf.refuse(result.error);
    lf.form.reset(BLANK);
    notify(c.saved(result.value.override.date, result.value.recomputed));
    await onSaved(result.value.override.date);
  });

  return (
    <form className="form cal-add" data-testid="calendar-add" noValidate onSubmit={(e) => void submit(e)}>
      <h3 className="form-section">{c.addTitle}</h3>
      {lf.banner()}
      <div className="cal-add-grid">
        <FormField of={lf} name="date" label={c.date} required>
          <DateTimeField control={lf.form.control} name="date" label={c.date} kind="date" placeholder={c.datePlaceholder} attributes={lf.control('date', { required: true })} />
        </FormField>
        <ChoiceField of={lf} name="work" label={c.kind} required>
          <div className="chips" role="radiogroup" aria-label={c.kind}>
            <label className="chip chip-plain">
              <input type="radio" value="off" {...lf.form.register('work')} />
              {c.off}
            </label>
            <label className="chip chip-plain">
              <input type="radio" value="work" {...lf.form.register('work')} />
              {c.work}
            </label>
          </div>
        </ChoiceField>
        <FormField of={lf} name="name" label={c.name}>
          <input type="text" placeholder={c.namePlaceholder} maxLength={50} {...lf.input('name')} />
        </FormField>
      </div>
      <div className="inline-actions">
        <button type="submit" className="button button-primary" data-testid="calendar-submit" disabled={lf.busy}>
          {c.add}
        </button>
      </div>
    </form>
  );
}
