import { formatChinaDateTime } from '../../shared/china-time.js';
import type { MethodName } from '../../shared/contract.js';
import { PLATFORM_LABELS, SEVERITY_INFO, STATUS_LABELS } from '../../shared/domain.js';
import type { AuditReport, Incident } from '../../shared/schemas.js';

// Plain-text answers for a person at a terminal; scripts use --json.

function incidentLine(i: Incident): string {
  return [
    i.number,
    `[${SEVERITY_INFO[i.severity].label}]`,
    `[${STATUS_LABELS[i.status]}]`,
    formatChinaDateTime(i.foundAt),
    PLATFORM_LABELS[i.platform],
    i.title,
  ].join('  ');
}

export function formatHuman(method: MethodName, value: unknown): string {
  switch (method) {
    case 'listIncidents': {
      const rows = value as Incident[];
      return rows.length === 0 ? '（没有符合条件的舆情事件）' : rows.map(incidentLine).join('\n');
    }
    case 'createIncident':
    case 'updateIncident':
    case 'getIncident':
    case 'transitionIncident':
      return incidentLine(value as Incident);
    case 'verifyAudit': {
      const report = value as AuditReport;
      return report.ok
        ? `审计日志完好：共 ${report.entries} 条`
        : `审计日志在第 ${report.firstBroken?.seq} 条处断裂：${report.firstBroken?.reason}（此前 ${report.entries} 条完好）`;
    }
    default:
      return JSON.stringify(value, null, 2);
  }
}
