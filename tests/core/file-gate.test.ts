import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../shared/contract.js';
import { pathFields, pathFieldsOf, unwrapSchema } from '../../shared/file-path.js';
import { createFileGate, FILE_FIELDS, listedBackups } from '../../electron/core/file-gate.js';
import { createDispatcher, createHandlers } from '../../electron/core/service.js';
import { tempLedger } from '../helpers/temp.js';

// The file gate is derived from the contract's marked path fields (shared/file-path.ts). These tests walk every
// method's input: a field that looks like a path must be marked, and every marked field must be gated — so a
// method added tomorrow with an unmarked `path`, or a marked field the gate does not read, fails here.

/** Every field of an input, nested ones too (inside objects and arrays), with its dotted name. */
function fieldsOf(input: z.ZodType, prefix = ''): { name: string; schema: z.ZodType; depth: number }[] {
  const outer = unwrapSchema(input);
  const object = outer instanceof z.ZodArray ? unwrapSchema(outer.element as z.ZodType) : outer;
  if (!(object instanceof z.ZodObject)) return [];
  return Object.entries(object.shape as Record<string, z.ZodType>).flatMap(([field, schema]) => {
    const name = prefix ? `${prefix}.${field}` : field;
    return [{ name, schema: unwrapSchema(schema), depth: prefix.split('.').filter(Boolean).length }, ...fieldsOf(schema, name)];
  });
}

/** Names that say "file or folder": path, file, dir, folder, out, in, to … alone or at the end of a camelCase name. */
const LOOKS_LIKE_PATH = /^(path|file|dir|folder|out|in|to|dest|target|source)$|(Path|File|Dir|Folder|Directory)$/;

/** Fields whose names look like paths but hold something else, each with what it holds. */
const NOT_PATHS: Readonly<Record<string, string>> = {
  'listCommonIssues.to': 'a date (YYYY-MM-DD)',
  'transitionIncident.to': 'an incident status',
};

const allFields = Object.entries(contract).flatMap(([method, { input }]) => fieldsOf(input).map((f) => ({ method, ...f })));

describe('path fields in the contract', () => {
  it('marks every field that looks like a path', () => {
    const unmarked = allFields
      .filter((f) => LOOKS_LIKE_PATH.test(f.name.split('.').at(-1)!) && !pathFields.has(f.schema))
      .map((f) => `${f.method}.${f.name}`)
      .filter((name) => !Object.hasOwn(NOT_PATHS, name));
    expect(unmarked).toEqual([]);
    // An exemption for a field that no longer exists is stale: drop it.
    for (const name of Object.keys(NOT_PATHS)) expect(allFields.map((f) => `${f.method}.${f.name}`), name).toContain(name);
  });

  it('marks only top-level fields, the ones the gate reads', () => {
    expect(allFields.filter((f) => f.depth > 0 && pathFields.has(f.schema)).map((f) => `${f.method}.${f.name}`)).toEqual([]);
  });

  it('gates every method with a marked field, leaving only the typed second backup folder ungated', () => {
    const marked = Object.entries(contract).flatMap(([method, { input }]) => pathFieldsOf(input).map((f) => ({ method, ...f })));
    expect(marked.filter((f) => f.choice === 'typed').map((f) => `${f.method}.${f.field}`)).toEqual(['setBackupSettings.secondDir']);
    const gated = marked.filter((f) => f.choice !== 'typed');
    expect(new Set(gated.map((f) => f.method))).toEqual(new Set(FILE_FIELDS.keys()));
    // The methods the old hand-written list held are all still gated, and the backup ones joined them.
    for (const method of [
      'exportContactCard', 'exportBundle', 'previewBundle', 'importBundle', 'createBackup', 'exportKeys', 'importKeys',
      'previewImport', 'importSpreadsheet', 'exportLedgerXlsx', 'exportCommitmentsXlsx', 'listBackups', 'verifyBackup', 'restoreBackup',
    ]) expect(FILE_FIELDS.has(method), method).toBe(true);
  });

  it('refuses every gated field with a path nobody chose, and takes it once chosen in the right dialog', async () => {
    let now = 0;
    for (const [method, fields] of FILE_FIELDS) {
      for (const { field, choice } of fields) {
        const gate = createFileGate({ now: () => now });
        const input = { [field]: '/home/office/.bashrc' };
        expect(await gate.allows(method, input), `${method}.${field} unchosen`).toBe(false);
        expect(await gate.allows(method, { [field]: 42 }), `${method}.${field} not text`).toBe(false);
        const dialog = choice === 'save' ? 'save' : 'open';
        gate.chosen('/home/office/.bashrc', dialog === 'save' ? 'open' : 'save');
        expect(await gate.allows(method, input), `${method}.${field} chosen in the other dialog`).toBe(false);
        gate.chosen('/home/office/.bashrc', dialog);
        expect(await gate.allows(method, input), `${method}.${field} chosen`).toBe(true);
        now += 61 * 60_000;
        expect(await gate.allows(method, input), `${method}.${field} chosen an hour ago`).toBe(false);
      }
    }
  });
});

describe('backups a page names', () => {
  it('are the ones the ledger lists, or one picked in an open dialog', async () => {
    const ledger = tempLedger();
    const core = createDispatcher(createHandlers(ledger));
    const made = await core('createBackup', {});
    expect(made.ok).toBe(true);
    const listed = await listedBackups(core);
    expect(listed).toHaveLength(1);
    const gate = createFileGate({ listedBackups: () => listedBackups(core) });
    expect(await gate.allows('verifyBackup', { file: listed[0] })).toBe(true);
    expect(await gate.allows('restoreBackup', { file: listed[0] })).toBe(true);
    expect(await gate.allows('restoreBackup', { file: `${ledger.path}` })).toBe(false);
    expect(await gate.allows('verifyBackup', { file: '/home/office/.ssh/id_ed25519' })).toBe(false);
    gate.chosen('/media/usb/yq-backup-old.db', 'open');
    expect(await gate.allows('restoreBackup', { file: '/media/usb/yq-backup-old.db' })).toBe(true);
  });
});
