import type { App } from 'electron';

// Quitting waits for the core worker to finish its calls and close the database (WAL checkpoint), so a write the
// person just made is on disk before the process ends.

export function closeCoreOnQuit(app: Pick<App, 'on' | 'quit'>, closeCore: () => Promise<void>): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    void closeCore()
      .catch((error: unknown) => console.error('[main] 关闭台账核心失败', error))
      .finally(() => app.quit());
  });
}
