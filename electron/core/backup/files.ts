import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Small file steps a backup needs: flush a file and its folder so a rename survives a power cut, write a file
// atomically, and copy attachment files that the other side lacks.

export function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Some systems (Windows folders) cannot fsync a directory; the file itself was flushed before.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function writeFileAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  fsyncPath(temp);
  renameSync(temp, path);
}

export function renameDurably(from: string, to: string): void {
  fsyncPath(from);
  renameSync(from, to);
  fsyncPath(dirname(to));
}

/**
 * Copies the content-addressed attachment files (`xx/<sha256>`) of `from` into `to` when missing: a file under
 * its hash never changes, so what is there already is never copied again. Returns how many were copied.
 */
export function copyMissingBlobs(from: string, to: string): number {
  if (!existsSync(from)) return 0;
  let copied = 0;
  for (const prefix of readdirSync(from)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of readdirSync(join(from, prefix))) {
      if (!/^[0-9a-f]{64}$/.test(name)) continue; // temp files of a write in progress
      const target = join(to, prefix, name);
      if (existsSync(target)) continue;
      mkdirSync(join(to, prefix), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      copyFileSync(join(from, prefix, name), temp);
      renameSync(temp, target);
      copied += 1;
    }
  }
  return copied;
}

/** The sha256 of a file, read in 1 MiB pieces (a backup can be larger than memory should hold twice). */
export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
