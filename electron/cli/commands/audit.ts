import type { AuditReport } from '../../../shared/schemas.js';
import type { Command } from '../command.js';

export const auditCommands: Command[] = [
  {
    words: 'audit verify',
    synopsis: '',
    summary: '校验本工作站及各对方工作站的审计链（对照其签名与已应用的同步操作；有问题时退出码 1）',
    options: {},
    positionals: { min: 0, max: 0 },
    plan: () => ({
      method: 'verifyAudit',
      input: {},
      failed: (report) => !(report as AuditReport).ok,
      human: (value) => {
        const report = value as AuditReport;
        const peers = report.peers.map((p) => `  ${p.name}：${p.ok ? `完好，${p.entries} 条，与其签名相符` : `有问题——${p.reason ?? ''}`}`);
        const broken = report.firstBroken;
        const head = report.ok
          ? `审计日志完好：本工作站 ${report.entries} 条`
          : `审计日志有问题：${broken?.workstation ?? '本工作站'}的第 ${broken?.seq} 条${broken?.record ? `（记录 ${broken.record}）` : ''}：${broken?.reason}`;
        return [head, ...(peers.length > 0 ? ['各工作站：', ...peers] : [])].join('\n');
      },
    }),
  },
];
