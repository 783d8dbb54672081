import type { AuditReport } from '../../../shared/schemas.js';
import type { Command } from '../command.js';

export const auditCommands: Command[] = [
  {
    words: 'audit verify',
    synopsis: '',
    summary: '校验审计日志哈希链（断裂时退出码 1）',
    options: {},
    positionals: { min: 0, max: 0 },
    plan: () => ({
      method: 'verifyAudit',
      input: {},
      failed: (report) => !(report as AuditReport).ok,
      human: (value) => {
        const report = value as AuditReport;
        return report.ok
          ? `审计日志完好：共 ${report.entries} 条`
          : `审计日志在第 ${report.firstBroken?.seq} 条处断裂：${report.firstBroken?.reason}（此前 ${report.entries} 条完好）`;
      },
    }),
  },
];
