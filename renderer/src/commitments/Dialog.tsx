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

/** A labelled control with its error message underneath (data-testid `cm-error-<name>`). */
export function Field(props: {
  id: string;
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  wide?: boolean;
  /** Marked as the 登记 form marks them (field-required). */
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`field${props.wide ? ' field-wide' : ''}${props.error ? ' field-invalid' : ''}${props.required ? ' field-required' : ''}`}>
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.children}
      {props.hint && <p className="field-hint">{props.hint}</p>}
      {props.error && (
        <p className="field-error" data-testid={`cm-error-${props.name}`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** Per-field messages from a failed call: the first message for each top-level name (patch.* unwrapped). */
export function errorsByField(fields: readonly { path: string; message: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, message } of fields ?? []) {
    const parts = path.split('.').filter((p) => p !== 'patch');
    const key = parts[0] === 'deadline' || parts[0] === 'publication' || parts[0] === 'check' ? parts.slice(0, 2).join('.') : (parts[0] ?? '');
    out[key] ??= message;
    if (parts.length > 1) out[parts[0]!] ??= message;
  }
  return out;
}
