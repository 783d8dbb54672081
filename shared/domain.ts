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

// 回应方式 (国办发〔2016〕61号 / 80号).
export const RESPONSE_METHODS = [
  'authoritative_info',
  'briefing',
  'press_conference',
  'media_interview',
  'gov_interview',
  'online_reply',
] as const;
export type ResponseMethod = (typeof RESPONSE_METHODS)[number];
export const RESPONSE_METHOD_LABELS: Record<ResponseMethod, string> = {
  authoritative_info: '发布权威信息',
  briefing: '情况通报',
  press_conference: '新闻发布会/吹风会',
  media_interview: '接受媒体采访',
  gov_interview: '政务访谈',
  online_reply: '网上答复/12345回复',
};

export const RESPONSE_CHANNELS = ['gov_website', 'gov_weibo', 'gov_wechat', 'gov_douyin', 'media', 'hotline', 'other'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];
export const RESPONSE_CHANNEL_LABELS: Record<ResponseChannel, string> = {
  gov_website: '政府网站',
  gov_weibo: '政务微博',
  gov_wechat: '政务微信',
  gov_douyin: '政务抖音',
  media: '媒体',
  hotline: '12345平台',
  other: '其他',
};

// 80号 分类处置: what kind of concern the response answered, and what it had to deliver.
export const DISPOSITIONS = ['adopt', 'solve', 'investigate', 'clarify', 'refute'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const DISPOSITION_LABELS: Record<Disposition, string> = {
  adopt: '建设性意见 → 采纳情况',
  solve: '实际困难 → 解决情况',
  investigate: '重大问题 → 调查结果',
  clarify: '模糊认识/错误看法 → 权威信息',
  refute: '虚假信息 → 辟谣/移交',
};

/** The response-time requirements of DESIGN §1, named as the CLI prints them. */
export const REQUIREMENTS = ['5h', '24h', '48h'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];
export const REQUIREMENT_LABELS: Record<Requirement, string> = {
  '5h': '5小时内发布权威信息',
  '24h': '24小时内举行新闻发布会',
  '48h': '48小时内回应',
};

/** A requirement as the office's rule sets it: `4小时内发布权威信息` when 重大 was given 4 hours in 设置. */
export function requirementLabel(requirement: Requirement, hours: number): string {
  const what = { '5h': '发布权威信息', '24h': '举行新闻发布会', '48h': '回应' }[requirement];
  return `${hours}小时内${what}`;
}

// 承诺 status. 逾期 is never stored: a commitment still 未到期 or 推进中 the day after its deadline *is* 逾期, so
// the ledger derives it from the date (no job has to flip it, and sync cannot disagree about it).
export const COMMITMENT_STATUSES = ['pending', 'in_progress', 'fulfilled', 'overdue', 'unfulfillable'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
  pending: '未到期',
  in_progress: '推进中',
  fulfilled: '已兑现',
  overdue: '逾期',
  unfulfillable: '无法兑现',
};
/** The statuses a person sets; 逾期 follows from the deadline. */
export const RECORDED_COMMITMENT_STATUSES = ['pending', 'in_progress', 'fulfilled', 'unfulfillable'] as const;
export type RecordedCommitmentStatus = (typeof RECORDED_COMMITMENT_STATUSES)[number];

// 跟进 (follow-up) kinds, on an incident or one of its commitments.
export const FOLLOWUP_KINDS = ['progress', 'supervise', 'urge', 'verify', 'revisit', 'rebound'] as const;
export type FollowupKind = (typeof FOLLOWUP_KINDS)[number];
export const FOLLOWUP_KIND_LABELS: Record<FollowupKind, string> = {
  progress: '进展',
  supervise: '督办',
  urge: '催办',
  verify: '核查',
  revisit: '回访',
  rebound: '舆情反弹',
};

// 反馈评价: how the public's view afterwards was learnt.
export const FEEDBACK_METHODS = ['survey', 'revisit', 'comments', 'other'] as const;
export type FeedbackMethod = (typeof FEEDBACK_METHODS)[number];
export const FEEDBACK_METHOD_LABELS: Record<FeedbackMethod, string> = {
  survey: '网上调研',
  revisit: '回访',
  comments: '评论分析',
  other: '其他',
};
export const SATISFACTION_LABELS = ['', '很不满意', '不满意', '一般', '满意', '很满意'] as const;
