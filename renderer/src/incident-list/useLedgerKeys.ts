import { useEffect } from 'react';
import { isTyping } from '../shell/useShortcuts.js';
import { rowAt, useIncidents } from './store.js';
import { useNav } from '../stores/nav.js';
import { useUi } from '../stores/ui.js';
import { SEARCH_INPUT_ID } from './SearchBox.js';

/**
 * The ledger's keys, while it is on screen and nothing is being typed: / focuses the search, J/K move the
 * selection, Enter opens the selected incident. (N, which works from every view, is in the shell.)
 */
export function useLedgerKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (useUi.getState().registering) return;
      const ledger = useIncidents.getState();
      switch (event.key) {
        case '/':
          event.preventDefault();
          document.getElementById(SEARCH_INPUT_ID)?.focus();
          return;
        case 'j':
        case 'J':
          event.preventDefault();
          ledger.moveSelection(1);
          return;
        case 'k':
        case 'K':
          event.preventDefault();
          ledger.moveSelection(-1);
          return;
        case 'Enter': {
          // A focused button or link keeps its own Enter.
          if (event.target instanceof HTMLElement && event.target.closest('button, a')) return;
          const row = rowAt(ledger.pages, ledger.selected);
          if (!row) return;
          event.preventDefault();
          useNav.getState().openIncident(row.id);
          return;
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
