import type { z } from 'zod';
import type { pruneReportSchema } from '../../../shared/api/app.js';
import type { Command } from '../command.js';

export const maintenanceCommands: Command[] = [
  {
    words: 'maintenance prune',
    synopsis: '',
    summary: '清理已被取代的同步操作（状态变更史与审计链保留所需的一切），并压缩台账文件',
    options: {},
    positionals: { min: 0, max: 0 },
    plan: () => ({
      method: 'pruneHistory',
      input: {},
      human: (value) => {
        const r = value as z.infer<typeof pruneReportSchema>;
        const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
        return `已清理被取代的同步操作 ${r.pruned} 条（涉及审计记录 ${r.entries} 条），另有 ${r.kept} 条暂需保留；文件 ${mib(r.bytesBefore)} → ${mib(r.bytesAfter)}`;
      },
    }),
  },
];
