import { countdownText, urgencyOf } from './format.js';
import { useNow } from './useNow.js';

/**
 * A live countdown to a due time; turns red once the time has passed. With `graded`, a running countdown is also
 * coloured by the time left (under 1 h red, under 3 h orange, under 12 h amber), so the 工作台 reads at a glance.
 */
export function Countdown({ dueAt, graded = false }: { dueAt: string; graded?: boolean }) {
  const now = useNow();
  const { text, overdue } = countdownText(dueAt, now);
  const urgency = urgencyOf(dueAt, now);
  const classes = ['countdown', overdue ? 'countdown-overdue' : '', graded ? `countdown-${urgency}` : ''].filter(Boolean).join(' ');
  return (
    <span className={classes} data-testid="countdown" data-overdue={overdue || undefined} data-urgency={graded ? urgency : undefined}>
      {text}
    </span>
  );
}
