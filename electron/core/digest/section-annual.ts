import type { Digest } from '../../../shared/api/digest.js';
import { type Html, html } from '../print/html.js';
import { pct, table } from './text.js';

// 六、年度报告参考数据, in the year report only: the counts a county office copies into the “回应关切” part of its
// 政府信息公开工作年度报告 — incidents registered and answered, responses published by 方式 and by 渠道, press
// conferences, and commitments made, fulfilled and made public — each taken from the same figures as the
// sections above, so the annual report and this digest cannot disagree.

export function annualSection(d: Digest): Html {
  if (d.kind !== 'year') return html``;
  const r = d.response;
  const c = d.commitments;
  const major = d.bySeverity.filter((s) => s.code === 'major' || s.code === 'extreme').reduce((sum, s) => sum + s.count, 0);
  const used = <T extends { count: number }>(rows: readonly T[]) => rows.filter((row) => row.count > 0);
  const rows: (readonly (string | number)[])[] = [
    ['登记舆情事件', `${d.newIncidents}起`, major > 0 ? `其中重大及以上${major}起` : ''],
    ['回应社会关切（已回应的事件）', `${r.responded}起`, r.toRespond > 0 ? `需回应${r.toRespond}起，回应率${pct(r.rate)}` : ''],
    ['发布回应信息', `${r.responsesMade}次`, '按方式、渠道分列见下'],
    ...used(r.byMethod).map((m) => [`\u3000按方式：${m.label}`, `${m.count}次`, ''] as const),
    ...used(r.byChannel).map((m) => [`\u3000按渠道：${m.label}`, `${m.count}次`, ''] as const),
    ['召开新闻发布会/吹风会', `${r.pressConferences}场`, ''],
    ['作出回应承诺', `${c.made}项`, ''],
    ['兑现承诺', `${c.fulfilled}项`, c.fulfilled > 0 ? `其中已公开兑现情况${c.fulfilledPublished}项` : ''],
  ];
  return html`<h2>七、年度报告参考数据</h2>
<p>以下数据供编制本年度政府信息公开工作年度报告“回应关切”部分参考，口径与本报告前述各部分一致。</p>
${table(['项目', '数量', '说明'], rows, [44, 16, 40], [1])}`;
}
