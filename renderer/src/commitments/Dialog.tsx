import type { ReactNode } from 'react';
import { t } from '../i18n/zh-CN.js';

/** The app's dialog frame (header with title and ×, scrolling body, footer with actions); Esc closes. */
export function Dialog(props: { id: string; title: string; onClose: () => void; children: ReactNode; footer: ReactNode; wide?: boolean; testId?: string }) {
  return (
    <div className="dialog-backdrop">
      <div
        className={`dialog cm-dialog${props.wide ? ' cm-dialog-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${props.id}-heading`}
        data-testid={props.testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onClose();
        }}
      >
        <div className="form">
          <header className="dialog-header">
            <h2 id={`${props.id}-heading`}>{props.title}</h2>
            <button type="button" className="dialog-close" aria-label={t.close} onClick={props.onClose}>
              ×
            </button>
          </header>
          <div className="dialog-body">{props.children}</div>
          <footer className="dialog-footer">{props.footer}</footer>
        </div>
      </div>
    </div>
  );
}
