import { useState } from 'react';
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '../../../shared/domain.js';
import type { Unit } from '../../../shared/schemas.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useSession } from '../stores/session.js';
import { AddNamedForm } from './AddNamedForm.js';
import { NamedRow, type RunEdit } from './NamedRow.js';
import './reference.css';

const c = t.unitEditor;

const kindOptions = UNIT_KINDS.map((kind) => (
  <option key={kind} value={kind}>
    {UNIT_KIND_LABELS[kind]}
  </option>
));

/** 单位: every live one with its type, inactive ones marked; renamed, re-typed, (de)activated, deleted while unused, added. */
export function UnitEditor() {
  const units = useSession((s) => s.reference?.units ?? []);
  const [kind, setKind] = useState<UnitKind>('department');
  return (
    <section className="panel" aria-labelledby="units-heading" data-testid="unit-editor">
      <PanelHeading id="units-heading" title={c.title} />
      <p className="panel-hint muted">{c.hint}</p>
      {units.length === 0 && <p className="muted">{c.none}</p>}
      <ul className="named-list">
        {units.map((unit) => (
          <NamedRow
            key={unit.id}
            row={unit}
            what={c.what}
            testId={`unit-${unit.id}`}
            rename={(name) => call('updateUnit', { id: unit.id, name })}
            setActive={(active) => call('updateUnit', { id: unit.id, active })}
            remove={() => call('deleteUnit', { id: unit.id })}
            extra={(run) => <KindSelect unit={unit} run={run} />}
          />
        ))}
      </ul>
      <AddNamedForm
        idPrefix="new-unit"
        title={c.addTitle}
        nameLabel={c.name}
        submitLabel={c.add}
        what={c.what}
        maxLength={50}
        add={(name) => call('addUnit', { name, kind })}
      >
        <div className="field">
          <label className="field-label" htmlFor="new-unit-kind">
            {c.kind}
          </label>
          <select id="new-unit-kind" value={kind} onChange={(e) => setKind(UNIT_KINDS.find((k) => k === e.target.value) ?? 'department')}>
            {kindOptions}
          </select>
        </div>
      </AddNamedForm>
    </section>
  );
}

/** A unit's type, saved as soon as another is chosen. */
function KindSelect({ unit, run }: { unit: Unit; run: RunEdit }) {
  const change = (value: string) => {
    const kind = UNIT_KINDS.find((k) => k === value);
    if (!kind || kind === unit.kind) return;
    void run(() => call('updateUnit', { id: unit.id, kind }), c.kindSaved(unit.name, UNIT_KIND_LABELS[kind]));
  };
  return (
    <select className="named-kind" aria-label={c.kindOf(unit.name)} value={unit.kind} onChange={(e) => change(e.target.value)}>
      {kindOptions}
    </select>
  );
}
