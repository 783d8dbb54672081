import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useSession } from '../stores/session.js';
import { AddNamedForm } from './AddNamedForm.js';
import { NamedRow } from './NamedRow.js';
import './reference.css';

const c = t.townshipEditor;

/** 乡镇（街道）: every live one, inactive ones marked; renamed, (de)activated, deleted while unused, added. */
export function TownshipEditor() {
  const townships = useSession((s) => s.reference?.townships ?? []);
  return (
    <section className="panel" aria-labelledby="townships-heading" data-testid="township-editor">
      <PanelHeading id="townships-heading" title={c.title} />
      <p className="panel-hint muted">{c.hint}</p>
      {townships.length === 0 && <p className="muted">{c.none}</p>}
      <ul className="named-list">
        {townships.map((township) => (
          <NamedRow
            key={township.id}
            row={township}
            what={c.what}
            testId={`township-${township.id}`}
            rename={(name) => call('updateTownship', { id: township.id, name })}
            setActive={(active) => call('updateTownship', { id: township.id, active })}
            remove={() => call('deleteTownship', { id: township.id })}
          />
        ))}
      </ul>
      <AddNamedForm
        idPrefix="new-township"
        title={c.addTitle}
        nameLabel={c.name}
        submitLabel={c.add}
        what={c.what}
        maxLength={30}
        add={(name) => call('addTownship', { name })}
      />
    </section>
  );
}
