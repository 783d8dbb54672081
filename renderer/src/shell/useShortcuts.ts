import { useEffect } from 'react';
import { useNav } from '../stores/nav.js';
import { useUi } from '../stores/ui.js';

/** Whether a key press belongs to something the person is typing into, where letters must stay letters. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Window-wide keys: N opens the 登记 form (on the ledger) when not typing. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'n' || event.key === 'N') {
        const ui = useUi.getState();
        if (ui.registering) return;
        event.preventDefault();
        useNav.getState().go('ledger');
        ui.openRegister();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
