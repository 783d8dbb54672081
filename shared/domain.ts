// Domain vocabulary shared by the core, the CLI and the UI: codes are stable identifiers stored in the ledger
// and carried in sync bundles; labels are what people read and may be typed instead of a code.

export const SEVERITIES = ['general', 'large', 'major', 'extreme'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_INFO: Record<Severity, { label: string; grade: string; color: string; colorName: string }> = {
  general: { label: '一般', grade: 'Ⅳ', color: '#2f6fde', colorName: '蓝' },
  large: { label: '较大', grade: 'Ⅲ', color: '#d9a400', colorName: '黄' },
  major: { label: '重大', grade: 'Ⅱ', color: '#e8710a', colorName: '橙' },
  extreme: { label: '特别重大', grade: 'Ⅰ', color: '#d11a2a', colorName: '红' },
};

export const STATUSES = ['triage', 'handling', 'responded', 'tracking', 'closed', 'no_response'] as const;
export type IncidentStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<IncidentStatus, string> = {
  triage: '待研判',
  handling: '处置中',
  responded: '已回应',
  tracking: '跟踪落实',
  closed: '已办结',
  no_response: '无需回应',
};

export const PLATFORMS = [
  'weibo',
  'wechat',
  'douyin',
  'kuaishou',
  'toutiao',
  'tieba',
  'forum',
  'news',
  'leader_board',
  'hotline',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];
export const PLATFORM_LABELS: Record<Platform, string> = {
  weibo: '微博',
  wechat: '微信',
  douyin: '抖音',
  kuaishou: '快手',
  toutiao: '今日头条',
  tieba: '百度贴吧',
  forum: '本地论坛',
  news: '新闻媒体',
  leader_board: '领导留言板',
  hotline: '12345热线',
  other: '其他',
};

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];
export const SENTIMENT_LABELS: Record<Sentiment, string> = { negative: '负面', neutral: '中性', positive: '正面' };

// 国办发〔2016〕61号 names the kinds of 政务舆情 that must be answered (重点回应).
export const KEY_TYPES_61 = ['policy', 'public_interest', 'moral', 'emergency', 'misconduct'] as const;
export type KeyType61 = (typeof KEY_TYPES_61)[number];
export const KEY_TYPE_61_LABELS: Record<KeyType61, string> = {
  policy: '涉及重要政策和重大决策部署',
  public_interest: '涉及公众切身利益且产生较大影响',
  moral: '涉及民生领域严重冲击社会道德底线',
  emergency: '涉及重大突发事件处置',
  misconduct: '涉及政府工作人员违法违纪、行为失范',
};

export const UNIT_KINDS = ['department', 'township', 'subdistrict', 'farm', 'park', 'direct'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  department: '县政府部门',
  township: '乡镇',
  subdistrict: '街道',
  farm: '农场',
  park: '园区',
  direct: '直属单位',
};

/** Looks a value up by its code or by its label, so people may type 重大 where the ledger stores `major`. */
export function byCodeOrLabel<C extends string>(
  codes: readonly C[],
  labels: Record<C, string>,
  ref: string,
): C | undefined {
  const wanted = ref.trim();
  return codes.find((code) => code === wanted || labels[code] === wanted);
}
