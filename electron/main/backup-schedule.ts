// Automatic backups, as far as the shell is concerned: every few minutes, if the person has been away from the
// keyboard for a while, ask the core whether a backup is due (the core decides: first idle moment of the day,
// only after changes); and once when quitting. No decision is made here.

export type CallCore = (method: 'runDueBackup', input: { moment: 'idle' | 'quit' }) => Promise<unknown>;

export interface BackupScheduleDeps<Handle> {
  call: CallCore;
  /** Seconds since the last keyboard or mouse input (Electron's powerMonitor). */
  idleSeconds: () => number;
  setInterval: (fn: () => void, ms: number) => Handle;
  clearInterval: (handle: Handle) => void;
}

export const CHECK_EVERY_MS = 5 * 60_000;
export const IDLE_AFTER_SECONDS = 120;

export function scheduleBackups<Handle>(deps: BackupScheduleDeps<Handle>): { beforeQuit: () => Promise<void>; stop: () => void } {
  let running = false;
  const handle = deps.setInterval(() => {
    if (running || deps.idleSeconds() < IDLE_AFTER_SECONDS) return;
    running = true;
    void deps
      .call('runDueBackup', { moment: 'idle' })
      .catch((error: unknown) => console.error('[main] 自动备份失败', error))
      .finally(() => {
        running = false;
      });
  }, CHECK_EVERY_MS);
  return {
    stop: () => deps.clearInterval(handle),
    beforeQuit: async () => {
      deps.clearInterval(handle);
      try {
        await deps.call('runDueBackup', { moment: 'quit' });
      } catch (error) {
        console.error('[main] 退出前备份失败', error);
      }
    },
  };
}
