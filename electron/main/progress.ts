import type { WebContents } from 'electron';
import { PROGRESS_CHANNEL, type ProgressEvent, progressEventSchema } from '../../shared/api/events.js';

// Progress of long jobs, from the core worker to the one window. Only our window hears it, and only while it
// shows our own page: a job's phases say what the ledger is doing, which is nobody else's business.

type Target = Pick<WebContents, 'send' | 'getURL' | 'isDestroyed'>;

export function progressRelay(
  target: () => Target | undefined,
  isTrustedSender: (frameUrl: string) => boolean,
): (event: ProgressEvent) => void {
  return (event) => {
    const contents = target();
    if (!contents || contents.isDestroyed() || !isTrustedSender(contents.getURL())) return;
    // Re-shaped through the schema: exactly the four fields cross to the page, whatever else rode along.
    const parsed = progressEventSchema.safeParse(event);
    if (parsed.success) contents.send(PROGRESS_CHANNEL, parsed.data);
  };
}
