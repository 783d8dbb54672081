import { useEffect, useState } from 'react';

// Countdowns show minutes, so a tick every 15 s keeps them right to within a quarter of a minute without
// re-rendering every second. All countdowns on screen share one timer.
const TICK_MS = 15_000;

const listeners = new Set<(ms: number) => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: (ms: number) => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    timer = setInterval(() => {
      const ms = Date.now();
      for (const l of listeners) l(ms);
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time in ms, re-rendering the caller as it advances. */
export function useNow(): number {
  const [value, setValue] = useState(() => Date.now());
  useEffect(() => subscribe(setValue), []);
  return value;
}
