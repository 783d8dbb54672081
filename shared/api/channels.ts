// How contract methods travel over IPC. Kept apart from the contract's schemas so that the preload, which only
// relays calls, can name the channels without carrying zod and every schema into each page.

/** The IPC channel a method travels on. */
export const channelOf = (method: string) => `ledger:${method}`;

/** The channel progress events travel on from main to the window. */
export const PROGRESS_CHANNEL = 'ledger:progress';
