import type { Report } from '../progress.js';
import type { ExportPhase } from './export.js';
import type { ImportPhase } from './import.js';

// Import and export report named phases; the window shows them as a bar of steps with a Chinese label. The
// phases are coarse (each is one pass: decrypting, hashing, one transaction), so a step is a phase.

type Steps<P extends string> = Record<P, readonly [label: string, done: number]>;

const IMPORT_STEPS: Steps<ImportPhase> = {
  decrypt: ['解密', 0],
  verify: ['验证签名', 1],
  validate: ['校验', 2],
  apply: ['写入', 3],
  done: ['完成', 4],
};

// A preview applies in a transaction it rolls back: nothing is written, so the step says what it does.
const PREVIEW_STEPS: Steps<ImportPhase> = { ...IMPORT_STEPS, apply: ['核对变更', 3] };

const EXPORT_STEPS: Steps<ExportPhase> = {
  collect: ['收集操作', 0],
  compress: ['压缩', 1],
  encrypt: ['加密', 2],
  write: ['写入', 3],
  done: ['完成', 4],
};

function phased<P extends string>(steps: Steps<P>, report: Report): (phase: P) => void {
  const total = Math.max(...Object.values<readonly [string, number]>(steps).map(([, done]) => done));
  return (phase) => {
    const [label, done] = steps[phase];
    report(label, done, total);
  };
}

export const importProgress = (report: Report, dryRun: boolean) => phased(dryRun ? PREVIEW_STEPS : IMPORT_STEPS, report);
export const exportProgress = (report: Report) => phased(EXPORT_STEPS, report);
