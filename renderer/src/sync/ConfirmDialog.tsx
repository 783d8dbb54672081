import type { ReactNode } from 'react';
import { Dialog } from '../commitments/Dialog.js';
import { t } from '../i18n/zh-CN.js';

/** A yes/no question with consequences spelled out; `danger` paints the confirm button red. */
export function ConfirmDialog(props: {
  id: string;
  title: string;
  confirm: string;
  busy?: boolean;
  danger?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog
      id={props.id}
      title={props.title}
      onClose={props.onClose}
      testId={`${props.id}-dialog`}
      footer={
        <>
          <button type="button" className="button" onClick={props.onClose}>
            {t.cancel}
          </button>
          <button
            type="button"
            className={`button ${props.danger ? 'sy-button-danger' : 'button-primary'}`}
            disabled={props.busy}
            data-testid={`${props.id}-confirm`}
            onClick={props.onConfirm}
          >
            {props.confirm}
          </button>
        </>
      }
    >
      {props.children}
      {props.error && (
        <div className="banner banner-error" role="alert">
          {props.error}
        </div>
      )}
    </Dialog>
  );
}
