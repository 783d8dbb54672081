// The Chinese names of the ledger's tables and fields, as people read them in the timeline, conflict lists and
// messages. One catalog for the core and the UI.

export const TABLE_LABELS: Record<string, string> = {
  incidents: '舆情事件',
  responses: '回应',
  attachments: '附件',
  categories: '敏感类别',
  units: '单位',
  townships: '乡镇街道',
  response_rules: '回应时限',
  saved_views: '保存的视图',
  commitments: '承诺',
  followups: '跟进',
  feedback: '反馈评价',
  calendar_overrides: '节假日调整',
};

export const COLUMN_LABELS: Record<string, string> = {
  number: '编号',
  title: '标题',
  summary: '摘要',
  platform: '首发平台',
  url: '原帖链接',
  first_seen_at: '首发时间',
  found_at: '发现时间',
  registrar: '登记人',
  township_id: '涉事地域',
  involved_unit: '涉事单位',
  categories: '敏感类别',
  key_type_61: '61号重点回应类型',
  severity: '等级',
  sentiment: '情感倾向',
  lead_unit_id: '牵头单位',
  co_unit_ids: '配合单位',
  status: '处置状态',
  status_reason: '状态说明',
  leader_instruction: '领导批示',
  created_at: '登记时间',
  updated_at: '修改时间',
  deleted: '删除',
  name: '名称',
  short: '简称',
  color: '颜色',
  keywords: '关键词',
  active: '启用',
  sort_order: '排序',
  kind: '类型',
  content: '内容',
  method: '方式',
  channel: '渠道',
  at: '时间',
  info_hours: '权威信息时限',
  press_hours: '发布会时限',
  response_hours: '回应时限',
};

/** An incident's fields as the contract names them, and the ledger column each is stored in. */
const INCIDENT_FIELD_COLUMNS = {
  number: 'number',
  title: 'title',
  summary: 'summary',
  platform: 'platform',
  url: 'url',
  firstSeenAt: 'first_seen_at',
  foundAt: 'found_at',
  registrar: 'registrar',
  township: 'township_id',
  involvedUnit: 'involved_unit',
  categories: 'categories',
  keyType61: 'key_type_61',
  severity: 'severity',
  sentiment: 'sentiment',
  leadUnit: 'lead_unit_id',
  coUnits: 'co_unit_ids',
  status: 'status',
  statusReason: 'status_reason',
  leaderInstruction: 'leader_instruction',
} as const;
export type IncidentFieldName = keyof typeof INCIDENT_FIELD_COLUMNS;

/** An incident's fields by their contract names, labelled as their columns are (编号, 首发时间, 牵头单位 …). */
export const INCIDENT_FIELD_LABELS = Object.fromEntries(
  Object.entries(INCIDENT_FIELD_COLUMNS).map(([field, column]) => [field, COLUMN_LABELS[column] ?? field]),
  // Object.fromEntries loses the keys' type; the map above has exactly INCIDENT_FIELD_COLUMNS' keys.
) as Record<IncidentFieldName, string>;

/** The contract's input fields as people call them, for refusals: a field path (patch.publication.channel) never reaches a person. */
export const FIELD_LABELS: Record<string, string> = {
  active: '启用状态', actor: '经办人', at: '时间', attachments: '附件', by: '核查人', cardText: '联系卡',
  categories: '敏感类别', channel: '渠道', check: '核查情况', coUnits: '配合单位', code: '代码', color: '颜色',
  commitment: '承诺', confirmMassDelete: '确认删除', content: '内容', dataBase64: '文件内容', date: '日期',
  days: '天数', deadline: '期限', defaultName: '文件名', descending: '排序方向', disposition: '分类处置',
  document: '文档', evidence: '兑现佐证', extensions: '文件类型', filters: '筛选条件', firstSeenAt: '首发时间',
  foundAt: '发现时间', foundFrom: '开始时间', foundTo: '结束时间', from: '起算日期', fulfilledAt: '兑现时间',
  full: '完整同步包', id: '记录', incident: '舆情事件', includeMet: '含已满足的', infoHours: '权威信息时限',
  involvedUnit: '涉事单位', keyType61: '61号重点回应类型', keywords: '关键词', kind: '类型', leadUnit: '牵头单位',
  leaderInstruction: '领导批示', limit: '条数', method: '方式', mime: '文件类型', mode: '方式', name: '名称',
  note: '说明', offset: '起始位置', openOnly: '仅未办结', passphrase: '口令', patch: '修改内容', path: '文件路径',
  peer: '工作站', peers: '工作站', period: '期间', person: '责任人', platform: '首发平台', platforms: '首发平台',
  pressHours: '发布会时限', promisedAt: '承诺时间', publication: '公开情况', published: '是否公开', query: '查询条件',
  reason: '说明', registrar: '登记人', response: '回应', responseHours: '回应时限', result: '核查结果',
  satisfaction: '满意度', sentiment: '情感倾向', severities: '等级', severity: '等级', short: '简称', sort: '排序',
  status: '状态', statusReason: '状态说明', statuses: '状态', summary: '摘要', text: '搜索词', title: '标题',
  to: '目标', township: '涉事地域', trusted: '信任', unit: '单位', url: '链接', withinHours: '小时数',
  withinWorkdays: '工作日数', work: '是否上班', workdays: '工作日数', year: '年份',
};

/**
 * The Chinese name of the field a refusal is about: the innermost named field (patch.publication.channel → 渠道),
 * with a list position as 第N项. Unknown names (an attacker's extra key) are never repeated.
 */
export function labelOfPath(path: readonly PropertyKey[]): string {
  let item = '';
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const segment = path[i];
    if (typeof segment === 'number') {
      item ||= `第${segment + 1}项`;
      continue;
    }
    const label = typeof segment === 'string' && Object.hasOwn(FIELD_LABELS, segment) ? FIELD_LABELS[segment] : undefined;
    if (label) return `${label}${item ? `（${item}）` : ''}`;
  }
  return item;
}
