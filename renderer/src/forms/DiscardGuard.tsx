import { type KeyboardEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { t } from '../i18n/zh-CN.js';

// Half-filled forms are not lost to a stray Esc or 取消: when the person has typed something, leaving asks first,
// on the page itself (a browser confirm() would block the window and cannot be styled or tested).

/** `leave` closes the form, asking first when it holds unsaved input; `question` is the in-page confirmation. */
export function useDiscardGuard(dirty: boolean, close: () => void) {
  const [asking, setAsking] = useState(false);
  const leave = () => {
    if (dirty && !asking) setAsking(true);
    else close();
  };
  const keep = () => setAsking(false);
  const question = asking ? <DiscardQuestion onKeep={keep} onDiscard={close} /> : null;
  /** Esc leaves the form as 取消 does; while the question is asked, Esc means “keep editing”. */
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    if (asking) keep();
    else leave();
  };
  return { leave, asking, question, keep, onKeyDown };
}

function DiscardQuestion({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="discard-question field-wide" role="alertdialog" aria-live="assertive" aria-label={t.forms.discardQuestion} data-testid="discard-question">
      <span>{t.forms.discardQuestion}</span>
      <button type="button" ref={keep} className="button button-small" data-testid="discard-keep" onClick={onKeep}>
        {t.forms.keepEditing}
      </button>
      <button type="button" className="button button-small button-danger" data-testid="discard-confirm" onClick={onDiscard}>
        {t.forms.discard}
      </button>
    </div>
  );
}

/** A form that opens below the fold is brought into view (and not past it) when it appears. */
export function useScrollIntoView(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [ref]);
}

/** Submit and 取消 of a form on a page; 取消 asks first when the form holds unsaved input. */
export function FormActions(props: { busy: boolean; submit: string; submitting: string; testId: string; guard: ReturnType<typeof useDiscardGuard> }) {
  return (
    <div className="inline-actions">
      {props.guard.question}
      <button type="submit" className="button button-primary" data-testid={props.testId} disabled={props.busy}>
        {props.busy ? props.submitting : props.submit}
      </button>
      <button type="button" className="button" onClick={props.guard.leave} disabled={props.busy}>
        {t.cancel}
      </button>
    </div>
  );
}
