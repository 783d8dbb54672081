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
