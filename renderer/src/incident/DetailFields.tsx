import { useState } from 'react';
import { formatChinaDateTime, toChinaInputValue } from '../../../shared/china-time.js';
import type { MethodInput } from '../../../shared/contract.js';
import {
  KEY_TYPE_61_LABELS,
  PLATFORM_LABELS,
  SENTIMENT_LABELS,
  SENTIMENTS,
  SEVERITIES,
  SEVERITY_INFO,
} from '../../../shared/domain.js';
import { fieldErrorsFrom } from '../../../shared/errors.js';
import { type Incident, incidentPatchSchema } from '../../../shared/schemas.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { CategoryTag, SeverityBadge } from '../incident-list/badges.js';
import { useIncidentPage } from './store.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import { type Draft, InlineField, type Option } from './InlineField.js';
import { Suggestions } from '../register/Suggestions.js';
import { ExternalLink } from '../common/ExternalLink.js';
import { refusalLine } from '../forms/refusals.js';

type Patch = NonNullable<MethodInput<'updateIncident'>>['patch'];

const label = t.register.fields;
const text = (draft: Draft) => (typeof draft === 'string' ? draft : draft.join(''));
const list = (draft: Draft) => (typeof draft === 'string' ? [] : [...draft]);
/** An emptied optional choice or time means “none”. */
const orNull = (draft: Draft) => (text(draft).trim() === '' ? null : text(draft));
const optionsOf = <C extends string>(codes: readonly C[], labels: (code: C) => string): Option[] =>
  codes.map((code) => ({ value: code, label: labels(code) }));

function Empty() {
  return <span className="muted">{t.incident.empty}</span>;
}

/** Saves one field: the shared schema judges it first, then the core has the last word. */
async function savePatch(id: string, patch: Patch, what: string): Promise<string | null> {
  const checked = incidentPatchSchema.safeParse(patch);
  if (!checked.success) return fieldErrorsFrom(checked.error)[0]?.message ?? '输入有误';
  const result = await call('updateIncident', { id, patch });
  if (!result.ok) return refusalLine(result.error);
  useUi.getState().notify(t.incident.saved(what));
  await useIncidentPage.getState().refresh();
  return null;
}

/** Every field of the incident, each editable in place. */
export function DetailFields({ incident }: { incident: Incident }) {
  const reference = useSession((s) => s.reference);
  const lookups = useSession((s) => s.lookups);
  const units = (reference?.units ?? []).filter((u) => u.active || u.id === incident.leadUnitId || incident.coUnitIds.includes(u.id));
  const townships = (reference?.townships ?? []).filter((tw) => tw.active || tw.id === incident.townshipId);
  const unitOptions = units.map((u) => ({ value: u.id, label: u.name }));
  const save = (what: string) => (toPatch: (draft: Draft) => Patch) => (draft: Draft) => savePatch(incident.id, toPatch(draft), what);
  const unitName = (id: string) => lookups.unit.get(id)?.name ?? id;
  const timeHint = t.forms.timeHint;
  // Title and summary as they are being typed (null: not being edited), for the category suggestions.
  const [typing, setTyping] = useState<{ title: string | null; summary: string | null }>({ title: null, summary: null });
  const typed = (field: 'title' | 'summary') => (draft: Draft | null) => setTyping((now) => ({ ...now, [field]: draft === null ? null : text(draft) }));
  const suggestionText = `${typing.title ?? incident.title} ${typing.summary ?? incident.summary}`;
  // Accepting a suggestion is the person's choice, so it is saved at once, like any edit here.
  const accept = (code: string) => void savePatch(incident.id, { categories: [...incident.categories, code] }, label.categories);

  return (
    <div className="details" data-testid="incident-details">
      <InlineField
        name="title"
        label={label.title}
        wide
        display={incident.title}
        initial={incident.title}
        editor={{ kind: 'text', maxLength: 200 }}
        save={save(label.title)((d) => ({ title: text(d) }))}
        onDraft={typed('title')}
      />
      <InlineField
        name="summary"
        label={label.summary}
        wide
        display={incident.summary ? <p className="prose">{incident.summary}</p> : <Empty />}
        initial={incident.summary}
        editor={{ kind: 'textarea', rows: 4 }}
        save={save(label.summary)((d) => ({ summary: text(d) }))}
        onDraft={typed('summary')}
      />
      <InlineField
        name="platform"
        label={label.platform}
        display={PLATFORM_LABELS[incident.platform]}
        initial={PLATFORM_LABELS[incident.platform]}
        editor={{ kind: 'coded', coded: 'platform' }}
        save={save(label.platform)((d) => ({ platform: text(d) }))}
      />
      <InlineField
        name="url"
        label={label.url}
        display={
          incident.url ? (
            <ExternalLink url={incident.url} />
          ) : (
            <Empty />
          )
        }
        initial={incident.url}
        hint={t.register.urlHint}
        editor={{ kind: 'text', maxLength: 2000 }}
        save={save(label.url)((d) => ({ url: text(d) }))}
      />
      <InlineField
        name="firstSeenAt"
        label={label.firstSeenAt}
        display={incident.firstSeenAt ? formatChinaDateTime(incident.firstSeenAt) : <Empty />}
        initial={incident.firstSeenAt ? toChinaInputValue(incident.firstSeenAt) : ''}
        hint={timeHint}
        editor={{ kind: 'time' }}
        save={save(label.firstSeenAt)((d) => ({ firstSeenAt: orNull(d) }))}
      />
      <InlineField
        name="foundAt"
        label={label.foundAt}
        display={formatChinaDateTime(incident.foundAt)}
        initial={toChinaInputValue(incident.foundAt)}
        hint={timeHint}
        editor={{ kind: 'time' }}
        save={save(label.foundAt)((d) => ({ foundAt: text(d) }))}
      />
      <InlineField
        name="severity"
        label={label.severity}
        display={<SeverityBadge severity={incident.severity} />}
        initial={incident.severity}
        editor={{ kind: 'select', options: optionsOf(SEVERITIES, (s) => SEVERITY_INFO[s].label) }}
        save={save(label.severity)((d) => ({ severity: text(d) }))}
      />
      <InlineField
        name="sentiment"
        label={label.sentiment}
        display={SENTIMENT_LABELS[incident.sentiment]}
        initial={incident.sentiment}
        editor={{ kind: 'select', options: optionsOf(SENTIMENTS, (s) => SENTIMENT_LABELS[s]) }}
        save={save(label.sentiment)((d) => ({ sentiment: text(d) }))}
      />
      <InlineField
        name="categories"
        label={label.categories}
        wide
        display={
          <span className="tags">
            {incident.categories.map((code) => (
              <CategoryTag key={code} category={lookups.category.get(code)} fallback={code} />
            ))}
          </span>
        }
        initial={incident.categories}
        editor={{ kind: 'checks', options: (reference?.categories ?? []).map((c) => ({ value: c.code, label: c.name })) }}
        save={save(label.categories)((d) => ({ categories: list(d) }))}
      />
      <div className="inline-field-wide">
        <Suggestions text={suggestionText} categories={reference?.categories ?? []} chosen={incident.categories} onAccept={accept} />
      </div>
      <InlineField
        name="keyType61"
        label={label.keyType61}
        wide
        display={incident.keyType61 ? KEY_TYPE_61_LABELS[incident.keyType61] : <Empty />}
        initial={incident.keyType61 ? KEY_TYPE_61_LABELS[incident.keyType61] : ''}
        editor={{ kind: 'coded', coded: 'keyType61', none: t.register.none }}
        save={save(label.keyType61)((d) => ({ keyType61: orNull(d) }))}
      />
      <InlineField
        name="township"
        label={label.township}
        display={incident.townshipId ? (lookups.township.get(incident.townshipId)?.name ?? incident.townshipId) : <Empty />}
        initial={incident.townshipId ?? ''}
        editor={{ kind: 'select', none: t.register.none, options: townships.map((tw) => ({ value: tw.id, label: tw.name })) }}
        save={save(label.township)((d) => ({ township: orNull(d) }))}
      />
      <InlineField
        name="involvedUnit"
        label={label.involvedUnit}
        display={incident.involvedUnit || <Empty />}
        initial={incident.involvedUnit}
        editor={{ kind: 'text', maxLength: 200 }}
        save={save(label.involvedUnit)((d) => ({ involvedUnit: text(d) }))}
      />
      <InlineField
        name="leadUnit"
        label={label.leadUnit}
        display={incident.leadUnitId ? unitName(incident.leadUnitId) : <Empty />}
        initial={incident.leadUnitId ?? ''}
        editor={{ kind: 'select', none: t.register.none, options: unitOptions }}
        save={save(label.leadUnit)((d) => ({ leadUnit: orNull(d) }))}
      />
      <InlineField
        name="coUnits"
        label={label.coUnits}
        display={incident.coUnitIds.length > 0 ? incident.coUnitIds.map(unitName).join('、') : <Empty />}
        initial={incident.coUnitIds}
        editor={{ kind: 'checks', options: unitOptions.filter((o) => o.value !== incident.leadUnitId) }}
        save={save(label.coUnits)((d) => ({ coUnits: list(d) }))}
      />
      <InlineField
        name="registrar"
        label={t.incident.registrar}
        display={incident.registrar || <Empty />}
        initial={incident.registrar}
        editor={{ kind: 'text', maxLength: 50 }}
        save={save(t.incident.registrar)((d) => ({ registrar: text(d) }))}
      />
      <InlineField
        name="leaderInstruction"
        label={label.leaderInstruction}
        wide
        display={incident.leaderInstruction ? <p className="prose">{incident.leaderInstruction}</p> : <Empty />}
        initial={incident.leaderInstruction}
        editor={{ kind: 'textarea', rows: 3 }}
        save={save(label.leaderInstruction)((d) => ({ leaderInstruction: text(d) }))}
      />
    </div>
  );
}
