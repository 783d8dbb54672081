import { useEffect } from 'react';
import { formatChinaDateTime } from '../../../shared/china-time.js';
import type { Incident } from '../../../shared/schemas.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { CategoryTag, SeverityBadge, StatusBadge } from '../incident-list/badges.js';
import { isTyping } from '../shell/useShortcuts.js';
import { useIncidentPage } from './store.js';
import { useNav } from '../stores/nav.js';
import { useSession } from '../stores/session.js';
import { useUi } from '../stores/ui.js';
import { AttachmentsPanel } from './AttachmentsPanel.js';
import { IncidentClock } from './IncidentClock.js';
import { IncidentCommitments } from './IncidentCommitments.js';
import { DetailFields } from './DetailFields.js';
import { FollowupsPanel } from './FollowupsPanel.js';
import { ResponsesPanel } from './ResponsesPanel.js';
import { SameIssuePanel } from './SameIssuePanel.js';
import { StatusActions } from './StatusActions.js';
import { Timeline } from './Timeline.js';

/** One incident: header, status moves, every field editable, its response clock, responses, files and timeline. */
export function IncidentPage({ id }: { id: string }) {
  const incident = useIncidentPage((s) => (s.id === id ? s.incident : null));
  const clock = useIncidentPage((s) => s.clock);
  const responses = useIncidentPage((s) => s.responses);
  const attachments = useIncidentPage((s) => s.attachments);
  const timeline = useIncidentPage((s) => s.timeline);
  const error = useIncidentPage((s) => s.error);
  const load = useIncidentPage((s) => s.load);
  const refresh = useIncidentPage((s) => s.refresh);
  const close = useNav((s) => s.closeIncident);

  useEffect(() => {
    void load(id);
  }, [id, load]);

  // Escape goes back to the list, unless it belongs to something being typed or a dialog.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTyping(event.target) || useUi.getState().registering) return;
      close();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [close]);

  return (
    <article className="incident-page" data-testid="incident-page" aria-labelledby="incident-title">
      <div className="incident-nav">
        <button type="button" className="link-button back-link" data-testid="incident-back" aria-keyshortcuts="Escape" onClick={close}>
          ← {t.incident.back}
        </button>
        <span className="muted">{t.incident.backHint}</span>
      </div>
      {error && (
        <div className="banner banner-error" role="alert">
          {incident ? error : `${t.incident.loadFailed}：${error}`}
          <button type="button" className="link-button" onClick={() => void refresh()}>
            {t.retry}
          </button>
        </div>
      )}
      {incident === null ? (
        !error && <p className="muted">{t.loading}</p>
      ) : (
        <>
          <IncidentHeader incident={incident} />
          <StatusActions incident={incident} />
          <div className="incident-columns">
            <div className="incident-main">
              <section className="panel" aria-labelledby="details-heading">
                <PanelHeading id="details-heading" title={t.incident.sections.details} />
                <DetailFields incident={incident} />
              </section>
              <ResponsesPanel incident={incident} responses={responses} />
              <IncidentCommitments incident={incident} />
              <FollowupsPanel incident={incident} />
              <AttachmentsPanel incidentId={incident.id} attachments={attachments} />
            </div>
            <aside className="incident-side">
              <IncidentClock entries={clock} />
              <SameIssuePanel incident={incident} responses={responses.length} />
              <Timeline entries={timeline} />
            </aside>
          </div>
        </>
      )}
    </article>
  );
}

function IncidentHeader({ incident }: { incident: Incident }) {
  const lookups = useSession((s) => s.lookups);
  return (
    <header className="incident-header">
      <div className="incident-heading">
        <span className="incident-number mono" data-testid="incident-number">
          {incident.number}
        </span>
        <h2 className="incident-title" id="incident-title">
          {incident.title}
        </h2>
      </div>
      <div className="incident-badges">
        <StatusBadge status={incident.status} />
        <SeverityBadge severity={incident.severity} />
        {incident.categories.map((code) => (
          <CategoryTag key={code} category={lookups.category.get(code)} fallback={code} />
        ))}
        <span className="muted incident-stamp">
          {t.incident.createdAt} {formatChinaDateTime(incident.createdAt)} · {t.incident.updatedAt} {formatChinaDateTime(incident.updatedAt)}
        </span>
      </div>
      {incident.statusReason && (
        <p className="incident-reason">
          {t.incident.statusReason}：{incident.statusReason}
        </p>
      )}
    </header>
  );
}
