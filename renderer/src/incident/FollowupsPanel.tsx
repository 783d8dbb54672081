import { useState } from 'react';
import type { Incident } from '../../../shared/schemas.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { t } from '../i18n/zh-CN.js';
import { useIncidentPage } from './store.js';
import { FeedbackForm } from './FeedbackForm.js';
import { FollowupForm } from './FollowupForm.js';

const f = t.followups;

/** 跟进与反馈: the two forms; what they record is read in the timeline. */
export function FollowupsPanel({ incident }: { incident: Incident }) {
  const [open, setOpen] = useState<'followup' | 'feedback' | null>(null);
  const timeline = useIncidentPage((s) => s.timeline);
  const followups = timeline.filter((e) => e.kind === 'followup').length;
  const feedback = timeline.filter((e) => e.kind === 'feedback').length;
  return (
    <section className="panel" aria-labelledby="followups-heading" data-testid="incident-followups">
      <PanelHeading id="followups-heading" title={f.title}>
        {open === null && (
          <span className="inline-actions">
            <button type="button" className="button button-primary button-small" data-testid="followup-open" onClick={() => setOpen('followup')}>
              {f.addFollowup}
            </button>
            <button type="button" className="button button-outline button-small" data-testid="feedback-open" onClick={() => setOpen('feedback')}>
              {f.addFeedback}
            </button>
          </span>
        )}
      </PanelHeading>
      {open === 'followup' && <FollowupForm incident={incident} onDone={() => setOpen(null)} />}
      {open === 'feedback' && <FeedbackForm incident={incident} onDone={() => setOpen(null)} />}
      <p className="muted panel-hint">
        {f.counts(followups, feedback)}。{f.hint}
      </p>
    </section>
  );
}
