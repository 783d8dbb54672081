import { countdownText } from './format.js';
import { useNow } from './useNow.js';

/** A live countdown to a due time; turns red once the time has passed. */
export function Countdown({ dueAt }: { dueAt: string }) {
  const now = useNow();
  const { text, overdue } = countdownText(dueAt, now);
  return (
    <span className={overdue ? 'countdown countdown-overdue' : 'countdown'} data-testid="countdown" data-overdue={overdue || undefined}>
      {text}
    </span>
  );
}
