import { type FormEvent, useState } from 'react';
import { SEVERITIES, SEVERITY_INFO, type Severity } from '../../../shared/domain.js';
import type { ResponseRule } from '../../../shared/schemas.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../ledger.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import './reference.css';

const c = t.rulesEditor;
const LIMITS = ['infoHours', 'pressHours', 'responseHours'] as const;
type Limit = (typeof LIMITS)[number];

const NO_RULE = (severity: Severity): ResponseRule => ({ severity, infoHours: null, pressHours: null, responseHours: null });
const textOf = (hours: number | null) => (hours === null ? '' : String(hours));

/**
 * 回应时限 per severity: three hour fields each, empty for "not required". The core judges the numbers (whole
 * hours, 1–720) and answers in Chinese; this form only turns text into numbers. Saved per severity.
 */
export function ResponseRulesEditor() {
  const rules = useSession((s) => s.reference?.responseRules ?? []);
  return (
    <section className="panel" aria-labelledby="rules-heading" data-testid="rules-editor">
      <PanelHeading id="rules-heading" title={c.title} />
      <p className="panel-hint muted">{c.hint}</p>
      <div className="rules-grid">
        {/* Column titles for the eye; each field carries its own full label (e.g. 重大：发布权威信息时限（小时）). */}
        <div className="rules-head" aria-hidden="true">
          <span>{c.severity}</span>
          {LIMITS.map((limit) => (
            <span key={limit}>
              {c.limits[limit]}（{c.hours}）
            </span>
          ))}
          <span />
        </div>
        {SEVERITIES.map((severity) => {
          const rule = rules.find((r) => r.severity === severity) ?? NO_RULE(severity);
          // Keyed by the stored values: after a save (or a sync) the row starts again from what is stored.
          return <RuleRow key={`${severity}:${rule.infoHours}:${rule.pressHours}:${rule.responseHours}`} rule={rule} />;
        })}
      </div>
    </section>
  );
}

function RuleRow({ rule }: { rule: ResponseRule }) {
  const [drafts, setDrafts] = useState<Record<Limit, string>>({
    infoHours: textOf(rule.infoHours),
    pressHours: textOf(rule.pressHours),
    responseHours: textOf(rule.responseHours),
  });
  const [errors, setErrors] = useState<Partial<Record<Limit, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useUi((s) => s.notify);
  const reload = useSession((s) => s.load);
  const { label, grade, color } = SEVERITY_INFO[rule.severity];
  const changed = LIMITS.filter((limit) => drafts[limit].trim() !== textOf(rule[limit]));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || changed.length === 0) return;
    // Only the limits edited are sent, so a stored value the form would not accept (from sync) is left alone.
    const patch: Partial<Record<Limit, number | null>> = {};
    const unreadable: Partial<Record<Limit, string>> = {};
    for (const limit of changed) {
      const text = drafts[limit].trim();
      if (text === '') patch[limit] = null;
      else if (/^\d+(\.\d+)?$/.test(text)) patch[limit] = Number(text);
      else unreadable[limit] = c.notNumber;
    }
    if (Object.keys(unreadable).length > 0) return setErrors(unreadable);
    setBusy(true);
    const result = await call('setResponseRule', { severity: rule.severity, ...patch });
    setBusy(false);
    if (!result.ok) {
      const byField: Partial<Record<Limit, string>> = {};
      for (const f of result.error.fields ?? []) {
        const limit = LIMITS.find((l) => l === f.path);
        if (limit) byField[limit] ??= f.message;
      }
      setErrors(byField);
      setGeneral(Object.keys(byField).length === 0 ? result.error.message : null);
      return;
    }
    setErrors({});
    setGeneral(null);
    notify(c.saved(label));
    await reload();
  };

  return (
    <form className="rules-row" data-testid={`rule-${rule.severity}`} noValidate onSubmit={(e) => void save(e)}>
      <span className="rules-severity">
        <span className="swatch" style={{ '--tag-color': color }} aria-hidden="true" />
        {label}（{grade}）
      </span>
      {LIMITS.map((limit) => {
        const id = `rule-${rule.severity}-${limit}`;
        return (
          <span key={limit} className={`rules-cell${errors[limit] ? ' field-invalid' : ''}`}>
            <input
              id={id}
              type="text"
              inputMode="numeric"
              aria-label={c.fieldLabel(label, c.limits[limit])}
              placeholder={c.notRequired}
              value={drafts[limit]}
              maxLength={6}
              aria-invalid={errors[limit] ? true : undefined}
              aria-describedby={errors[limit] ? `${id}-error` : undefined}
              onChange={(e) => setDrafts({ ...drafts, [limit]: e.target.value })}
            />
            {errors[limit] && (
              <span className="field-error" id={`${id}-error`}>
                {errors[limit]}
              </span>
            )}
          </span>
        );
      })}
      <span>
        <button type="submit" className="button button-small" aria-label={c.saveAria(label)} disabled={busy || changed.length === 0}>
          {c.save}
        </button>
      </span>
      {general && (
        <p className="field-error rules-general" role="alert">
          {general}
        </p>
      )}
    </form>
  );
}
