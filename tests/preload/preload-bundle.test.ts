import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelOf, METHOD_NAMES } from '../../shared/contract.js';

// The preload as it ships (npm run build): it must relay every contract method, and carry their names only —
// not zod and the contract's schemas, which every page would otherwise load before its first paint.

const bundle = join(import.meta.dirname, '..', '..', 'dist', 'electron', 'preload.cjs');

describe('the built preload', () => {
  const read = () => {
    if (!existsSync(bundle)) throw new Error(`no built preload at ${bundle}: run npm run build first`);
    return readFileSync(bundle, 'utf8');
  };

  it('names every contract method and the channel scheme', () => {
    const text = read();
    for (const method of METHOD_NAMES) expect(text).toContain(JSON.stringify(method));
    expect(channelOf('x')).toBe('ledger:x');
    expect(text).toContain('ledger:');
  });

  it('carries no schema library', () => {
    const text = read();
    expect(text).not.toMatch(/ZodError|\$ZodType|safeParse/);
    expect(text.length).toBeLessThan(16 * 1024);
  });
});
