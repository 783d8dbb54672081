import { describe, expect, it, vi } from 'vitest';
import { CHECK_EVERY_MS, IDLE_AFTER_SECONDS, scheduleBackups } from '../../electron/main/backup-schedule.js';

// The shell only asks; the core decides whether a backup is due (tests/core/backup/backup.test.ts).

function harness(idle: number) {
  let tick: (() => void) | undefined;
  const call = vi.fn(() => Promise.resolve({ ok: true, value: { made: null } }));
  const clearInterval = vi.fn();
  let idleSeconds = idle;
  const schedule = scheduleBackups({
    call,
    idleSeconds: () => idleSeconds,
    setInterval: (fn, ms) => {
      expect(ms).toBe(CHECK_EVERY_MS);
      tick = fn;
      return 7;
    },
    clearInterval,
  });
  return { schedule, call, clearInterval, tick: () => tick!(), setIdle: (s: number) => (idleSeconds = s) };
}

describe('automatic backups from the shell', () => {
  it('asks the core at an idle moment, not while the person is typing', async () => {
    const h = harness(5);
    h.tick();
    expect(h.call).not.toHaveBeenCalled();
    h.setIdle(IDLE_AFTER_SECONDS);
    h.tick();
    expect(h.call).toHaveBeenCalledWith('runDueBackup', { moment: 'idle' });
    await Promise.resolve();
  });

  it('asks once more when quitting, and stops asking', async () => {
    const h = harness(0);
    await h.schedule.beforeQuit();
    expect(h.call).toHaveBeenCalledWith('runDueBackup', { moment: 'quit' });
    expect(h.clearInterval).toHaveBeenCalledWith(7);
  });
});
