import { type ChangeEvent, useEffect, useState } from 'react';
import type { Attachment } from '../../../shared/api/attachments.js';
import { formatChinaDateTime } from '../../../shared/china-time.js';
import { PanelHeading } from '../common/PanelHeading.js';
import { formatSize, isImage, readFiles } from '../common/files.js';
import { t } from '../i18n/zh-CN.js';
import { call } from '../bridge.js';
import { useIncidentPage } from './store.js';
import { useUi } from '../stores/ui.js';
import { refusalLine } from '../forms/refusals.js';

/** Screenshots and files of the incident: thumbnails for images, opened with the system viewer. */
export function AttachmentsPanel({ incidentId, attachments }: { incidentId: string; attachments: readonly Attachment[] }) {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const notify = useUi((s) => s.notify);

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    // Cleared at once so choosing the same file again still fires a change.
    input.value = '';
    if (files.length === 0) return;
    setBusy(true);
    const { picked, problems: unreadable } = await readFiles(files);
    const failed: string[] = [...unreadable];
    let added = 0;
    for (const file of picked) {
      const result = await call('addAttachment', { incident: incidentId, name: file.name, mime: file.mime, dataBase64: file.dataBase64 });
      if (result.ok) added++;
      else failed.push(`${file.name}：${refusalLine(result.error)}`);
    }
    setBusy(false);
    setProblems(failed);
    if (added > 0) {
      notify(t.attachments.added(added));
      await useIncidentPage.getState().refresh();
    }
  };

  return (
    <section className="panel" aria-labelledby="attachments-heading" data-testid="incident-attachments">
      <PanelHeading id="attachments-heading" title={t.incident.sections.attachments}>
        <label className={`button button-small${busy ? ' button-busy' : ''}`}>
          {busy ? t.attachments.adding : t.attachments.add}
          <input
            type="file"
            multiple
            className="visually-hidden"
            data-testid="attachment-input"
            disabled={busy}
            onChange={(e) => void onPick(e)}
          />
        </label>
      </PanelHeading>
      {problems.length > 0 && (
        <div className="banner banner-error" role="alert">
          {problems.join('；')}
        </div>
      )}
      {attachments.length === 0 ? (
        <p className="muted">{t.attachments.none}</p>
      ) : (
        <ul className="attachment-grid">
          {attachments.map((attachment) => (
            <AttachmentItem key={attachment.id} attachment={attachment} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AttachmentItem({ attachment }: { attachment: Attachment }) {
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    const result = await call('openAttachment', { id: attachment.id });
    setError(result.ok ? null : result.error.message);
  };
  return (
    <li className="attachment" data-testid="attachment">
      <button
        type="button"
        className="attachment-open"
        title={t.attachments.open(attachment.name)}
        aria-label={t.attachments.open(attachment.name)}
        disabled={!attachment.present}
        onClick={() => void open()}
      >
        {attachment.present && isImage(attachment.mime) ? (
          <Thumbnail id={attachment.id} name={attachment.name} />
        ) : (
          <span className="attachment-icon" aria-hidden="true">
            {extensionOf(attachment.name)}
          </span>
        )}
      </button>
      <div className="attachment-name" title={attachment.name}>
        {attachment.name}
      </div>
      <div className="attachment-meta muted">
        {attachment.present ? `${formatSize(attachment.size)} · ${formatChinaDateTime(attachment.createdAt)}` : t.attachments.missing}
      </div>
      {error && <p className="field-error">{error}</p>}
    </li>
  );
}

const extensionOf = (name: string) => (/\.([a-z0-9]{1,5})$/i.exec(name)?.[1] ?? '文件').toUpperCase();

/** An image attachment as a data: URL (the page's CSP allows data: images and nothing remote). */
function Thumbnail({ id, name }: { id: string; name: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void call('getAttachmentData', { id }).then((result) => {
      if (live && result.ok) setSrc(`data:${result.value.mime};base64,${result.value.dataBase64}`);
    });
    return () => {
      live = false;
    };
  }, [id]);
  return src ? <img className="attachment-thumb" src={src} alt={name} data-testid="attachment-thumb" /> : <span className="attachment-thumb" />;
}
