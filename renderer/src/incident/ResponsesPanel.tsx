import { useState } from 'react';
import { formatChinaDateTime } from '../../../shared/china-time.js';
import type { Response } from '../../../shared/api/responses.js';
import { DISPOSITION_LABELS, RESPONSE_CHANNEL_LABELS, RESPONSE_METHOD_LABELS } from '../../../shared/domain.js';
import type { Incident } from '../../../shared/schemas.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { useSession } from '../stores/session.js';
import { ResponseForm } from './ResponseForm.js';
import { ExternalLink } from '../common/ExternalLink.js';

/** The responses made so far, and the form to record another. */
export function ResponsesPanel({ incident, responses }: { incident: Incident; responses: readonly Response[] }) {
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel" aria-labelledby="responses-heading" data-testid="incident-responses">
      <PanelHeading id="responses-heading" title={t.incident.sections.responses}>
        {!adding && (
          <button type="button" className="button button-primary button-small" data-testid="response-open" onClick={() => setAdding(true)}>
            {t.response.add}
          </button>
        )}
      </PanelHeading>
      {adding && <ResponseForm incident={incident} onDone={() => setAdding(false)} />}
      {responses.length === 0 ? (
        !adding && <p className="muted">{t.response.none}</p>
      ) : (
        <ul className="response-list">
          {responses.map((response) => (
            <ResponseItem key={response.id} response={response} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ResponseItem({ response }: { response: Response }) {
  const unit = useSession((s) => s.lookups.unit.get(response.unitId)?.name ?? response.unitId);
  return (
    <li className="response-item" data-testid="response-item">
      <div className="response-meta">
        <span className="response-time">{formatChinaDateTime(response.at)}</span>
        <span className="tag">{RESPONSE_METHOD_LABELS[response.method]}</span>
        <span className="tag tag-plain">{RESPONSE_CHANNEL_LABELS[response.channel]}</span>
        <span className="muted">{unit}</span>
        {response.responder && (
          <span className="muted" data-testid="response-responder">
            {t.response.by(response.responder)}
          </span>
        )}
        {response.jointWith.length > 0 && <span className="tag" title={response.jointWith.join('、')}>{t.similarity.jointBadge(response.jointWith.length)}</span>}
      </div>
      <p className="prose">{response.content}</p>
      {response.disposition && <p className="response-disposition muted">{t.response.fields.disposition}：{DISPOSITION_LABELS[response.disposition]}</p>}
      {response.url && (
        <ExternalLink url={response.url} />
      )}
    </li>
  );
}
