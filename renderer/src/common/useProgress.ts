import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../../shared/api/events.js';
import { subscribeProgress } from '../bridge.js';

/**
 * The latest progress of `job` while `active` (a call of it is in flight); null before the first event and
 * whenever inactive, so a finished job's full bar never lingers into the next run.
 */
export function useProgress(job: string, active: boolean): ProgressEvent | null {
  const [event, setEvent] = useState<ProgressEvent | null>(null);
  useEffect(() => {
    setEvent(null);
    if (!active) return;
    return subscribeProgress((next) => {
      if (next.job === job) setEvent(next);
    });
  }, [job, active]);
  return active ? event : null;
}
