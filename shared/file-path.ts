import { z } from 'zod';
import { text } from './text.js';

// Fields of the contract that name a file or folder on this workstation. A page (the renderer, or anything that
// took it over) must not name a file of its own choosing — ~/.bashrc to write, a key file to read — so every such
// field is marked here, and the doors that serve a page (electron/main, the browser-test host) derive their file
// gate from the marks (electron/core/file-gate.ts). tests/core/file-gate.test.ts walks every method's input and
// fails on a field that looks like a path and is not marked.

/**
 * How a page may come to name the file:
 * - `open` / `save`: the person picked it in an open / save dialog (chooseFile) shortly before;
 * - `backup`: picked in an open dialog, or one of the backups the ledger itself lists (设置 → 备份与恢复 shows
 *   them and the page names one back);
 * - `typed`: a folder the person types in 设置 (the second backup folder). Not gated: the core only ever writes
 *   files it names itself (`yq-backup-<time>.db`) into it and reads nothing else there.
 */
export type PathChoice = 'open' | 'save' | 'backup' | 'typed';

/** The marks: which schema instances are path fields, and how they are chosen. */
export const pathFields = z.registry<{ choice: PathChoice }>();

/** A file (or folder) path; `choice` says how a page may come to name it. */
export function filePath(choice: PathChoice) {
  return text().trim().min(1, { error: '请选择文件' }).max(4096).register(pathFields, { choice });
}

/** The schema inside optional/default/nullable/readonly wrappers and the input side of a transform. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    const inner = def.type === 'pipe' ? def.in : def.innerType;
    if (!inner || !['optional', 'default', 'prefault', 'nullable', 'readonly', 'pipe', 'catch', 'nonoptional'].includes(def.type)) return current;
    current = inner;
  }
}

export interface PathField {
  field: string;
  choice: PathChoice;
  /** Left out, the method uses a place of its own (a backup without `to` goes beside the ledger). */
  optional: boolean;
}

/** The marked path fields among an input schema's top-level fields (the only ones a gate reads). */
export function pathFieldsOf(input: z.ZodType): PathField[] {
  const object = unwrapSchema(input);
  if (!(object instanceof z.ZodObject)) return [];
  return Object.entries(object.shape as Record<string, z.ZodType>).flatMap(([field, schema]) => {
    const mark = pathFields.get(unwrapSchema(schema));
    return mark ? [{ field, choice: mark.choice, optional: schema.safeParse(undefined).success }] : [];
  });
}

/** A folder the person types in 设置 rather than picks (see `typed` above): marked, and deliberately not gated. */
export function typedFolder() {
  return text().trim().max(4096).register(pathFields, { choice: 'typed' });
}
