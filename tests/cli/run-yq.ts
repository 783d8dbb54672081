import { expect } from 'vitest';
import { runCli } from '../../electron/cli/run.js';

/** Runs `yq` in this process as a person would in a shell: its exit code, and what it wrote to stdout and stderr. */
export function yqRunner(now: () => number) {
  return async (args: string[], stdin = '') => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: () => stdin, now });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  };
}

/** Runs a command that must succeed (exit 0, nothing on stderr) with --json, and returns its JSON answer. */
export function yqJson(yq: ReturnType<typeof yqRunner>) {
  return async <T>(args: string[], stdin = ''): Promise<T> => {
    const r = await yq([...args, '--json'], stdin);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
}
