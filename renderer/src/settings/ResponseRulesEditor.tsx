import { useWatch } from 'react-hook-form';
import { SEVERITIES, SEVERITY_INFO, type Severity } from '../../../shared/domain.js';
import type { ResponseRule } from '../../../shared/schemas.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { useLedgerForm } from '../forms/useLedgerForm.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
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
  const lf = useLedgerForm({
    defaultValues: { infoHours: textOf(rule.infoHours), pressHours: textOf(rule.pressHours), responseHours: textOf(rule.responseHours) },
    ids: { prefix: `rule-${rule.severity}`, testPrefix: `rule-${rule.severity}` },
  });
  const notify = useUi((s) => s.notify);
  const reload = useSession((s) => s.load);
  const { label, grade, color } = SEVERITY_INFO[rule.severity];
  const drafts = useWatch({ control: lf.form.control });
  const changed = LIMITS.filter((limit) => (drafts[limit] ?? '').trim() !== textOf(rule[limit]));

  const save = lf.onSubmit(async (values) => {
    if (changed.length === 0) return;
    // Only the limits edited are sent, so a stored value the form would not accept (from sync) is left alone.
    const patch: Partial<Record<Limit, number | null>> = {};
    let unreadable = false;
    for (const limit of changed) {
      const text = values[limit].trim();
      if (text === '') patch[limit] = null;
      else if (/^\d+(\.\d+)?$/.test(text)) patch[limit] = Number(text);
      else {
        lf.form.setError(limit, { type: 'unreadable', message: c.notNumber });
        unreadable = true;
      }
    }
    if (unreadable) return;
    const result = await call('setResponseRule', { severity: rule.severity, ...patch });
    if (!result.ok) return lf.refuse(result.error);
    notify(c.saved(label));
    await reload();
  });

  return (
    <form className="rules-row" data-testid={`rule-${rule.severity}`} noValidate onSubmit={(e) => void save(e)}>
      <span className="rules-severity">
        <span className="swatch" style={{ '--tag-color': color }} aria-hidden="true" />
        {label}（{grade}）
      </span>
      {LIMITS.map((limit) => {
        return (
          <span key={limit} className={`rules-cell${lf.message(limit) ? ' field-invalid' : ''}`}>
            <input type="text" inputMode="numeric" aria-label={c.fieldLabel(label, c.limits[limit])} placeholder={c.notRequired} maxLength={6} {...lf.input(limit)} />
            {lf.message(limit) && (
              <span className="field-error" id={lf.ids.errorId(limit)}>
                {lf.message(limit)}
              </span>
            )}
          </span>
        );
      })}
      <span>
        <button type="submit" className="button button-small" aria-label={c.saveAria(label)} disabled={lf.busy || changed.length === 0}>
          {c.save}
        </button>
      </span>
      {lf.banner()}
    </form>
  );
}
