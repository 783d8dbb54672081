// Migration 17: 回应人 (issue 11.4). Each response names the person who recorded it, defaulting to the person at the
// keyboard. A synced field (responses.responder in the catalogue), so the sync-format version grows by one: an
// older peer holds these operations until it is upgraded. Responses made before it have no 回应人 ('').

export const migration = {
  version: 17,
  name: 'responder',
  sql: `
ALTER TABLE responses ADD COLUMN responder TEXT NOT NULL DEFAULT '';
`,
};
