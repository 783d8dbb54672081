import {
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_STATUSES,
  DISPOSITION_LABELS,
  DISPOSITIONS,
  FEEDBACK_METHOD_LABELS,
  FEEDBACK_METHODS,
  FOLLOWUP_KIND_LABELS,
  FOLLOWUP_KINDS,
  KEY_TYPE_61_LABELS,
  KEY_TYPES_61,
  PLATFORM_LABELS,
  PLATFORMS,
  RESPONSE_CHANNEL_LABELS,
  RESPONSE_CHANNELS,
  RESPONSE_METHOD_LABELS,
  RESPONSE_METHODS,
  SENTIMENT_LABELS,
  SENTIMENTS,
  SEVERITIES,
  SEVERITY_INFO,
  STATUS_LABELS,
  STATUSES,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
} from '../domain.js';

// Coded values as people write them. Every coded field accepts its stored code, its full label, the parts of a
// compound label (实际困难 of “实际困难 → 解决情况”, 吹风会 of “新闻发布会/吹风会”) and the words offices use for it
// (微信群, 12345平台, 回复留言, 已完成 …). Matching ignores case, full/half width and spaces.

/** The form two written words are compared in: NFKC (full width → half width), lower case, no spaces or quotes. */
export function normaliseWord(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s"'“”‘’「」『』]+/g, '');
}

interface CodedField<C extends string> {
  codes: readonly C[];
  labels: Record<C, string>;
  /** Words offices write for a code, beyond its code, label and label parts. */
  synonyms: Partial<Record<C, readonly string[]>>;
  /** What the field is called in messages. */
  what: string;
}

const field = <C extends string>(
  codes: readonly C[],
  labels: Record<C, string>,
  what: string,
  synonyms: Partial<Record<C, readonly string[]>>,
): CodedField<C> => ({ codes, labels, what, synonyms });

const SEVERITY_LABELS = Object.fromEntries(SEVERITIES.map((s) => [s, SEVERITY_INFO[s].label])) as Record<
  (typeof SEVERITIES)[number],
  string
>;

export const CODED_FIELDS = {
  severity: field(SEVERITIES, SEVERITY_LABELS, '等级', {
    general: ['Ⅳ', 'Ⅳ级', '四级', '一般舆情', '蓝色', '蓝'],
    large: ['Ⅲ', 'Ⅲ级', '三级', '较大舆情', '黄色', '黄'],
    major: ['Ⅱ', 'Ⅱ级', '二级', '重大舆情', '橙色', '橙'],
    extreme: ['Ⅰ', 'Ⅰ级', '一级', '特别重大舆情', '特大', '红色', '红'],
  }),
  status: field(STATUSES, STATUS_LABELS, '状态', {
    triage: ['研判中', '待研判处置', '新登记'],
    handling: ['处置中', '办理中', '处理中', '正在处置', '正在办理'],
    responded: ['已答复', '已回复', '已处置'],
    tracking: ['跟踪中', '落实中', '跟踪'],
    closed: ['已办结', '已完成', '办结', '完结', '已结案', '结案', '已处理'],
    no_response: ['不需回应', '无需处置', '不予回应'],
  }),
  platform: field(PLATFORMS, PLATFORM_LABELS, '首发平台', {
    weibo: ['新浪微博', '微博客'],
    wechat: ['微信群', '微信公众号', '公众号', '朋友圈', '微信朋友圈', '视频号', '微信视频号'],
    douyin: ['抖音短视频'],
    kuaishou: ['快手短视频'],
    toutiao: ['头条', '头条号'],
    tieba: ['贴吧'],
    forum: ['论坛', 'bbs', '社区论坛', '地方论坛'],
    news: ['媒体', '新闻', '新闻网站', '网络媒体', '报纸', '电视台', '新闻客户端'],
    leader_board: ['留言板', '人民网领导留言板', '人民网留言板', '地方领导留言板', '领导信箱'],
    hotline: ['12345', '12345平台', '12345热线平台', '市民热线', '政务服务热线', '12345政务服务便民热线'],
    other: ['其它'],
  }),
  sentiment: field(SENTIMENTS, SENTIMENT_LABELS, '情感倾向', {
    negative: ['消极', '负向'],
    neutral: ['中立'],
    positive: ['积极', '正向'],
  }),
  keyType61: field(KEY_TYPES_61, KEY_TYPE_61_LABELS, '61号重点回应类型', {
    policy: ['重要政策', '重大决策', '政策'],
    public_interest: ['切身利益', '公众切身利益'],
    moral: ['道德底线', '社会道德底线'],
    emergency: ['突发事件', '重大突发事件'],
    misconduct: ['违法违纪', '行为失范', '工作人员违法违纪'],
  }),
  responseMethod: field(RESPONSE_METHODS, RESPONSE_METHOD_LABELS, '回应方式', {
    authoritative_info: ['权威信息', '发布信息', '信息发布'],
    briefing: ['通报', '发布通报', '官方通报', '警情通报', '情况说明'],
    press_conference: ['发布会', '新闻发布会', '召开新闻发布会', '吹风会'],
    media_interview: ['媒体采访', '采访'],
    gov_interview: ['访谈', '在线访谈'],
    online_reply: ['回复留言', '留言回复', '网上回复', '网络回复', '12345回复', '答复', '回复'],
  }),
  responseChannel: field(RESPONSE_CHANNELS, RESPONSE_CHANNEL_LABELS, '发布渠道', {
    gov_website: ['官网', '政府门户网站', '门户网站', '网站', '政府官网'],
    gov_weibo: ['官方微博', '微博', '政务微博号'],
    gov_wechat: ['官方微信', '微信', '微信公众号', '公众号', '政务公众号'],
    gov_douyin: ['官方抖音', '抖音', '政务抖音号'],
    media: ['新闻媒体', '报纸', '电视', '电视台', '广播', '新闻'],
    hotline: ['12345', '12345热线', '热线'],
    other: ['其它'],
  }),
  disposition: field(DISPOSITIONS, DISPOSITION_LABELS, '分类处置', {
    adopt: ['采纳', '意见建议'],
    solve: ['解决', '困难'],
    investigate: ['调查', '重大问题调查'],
    clarify: ['模糊认识', '错误看法', '澄清'],
    refute: ['辟谣', '移交', '谣言', '不实信息'],
  }),
  followupKind: field(FOLLOWUP_KINDS, FOLLOWUP_KIND_LABELS, '跟进类型', {
    progress: ['进展情况', '进度'],
    supervise: ['督查'],
    urge: ['催促'],
    verify: ['核实'],
    revisit: ['回访群众'],
    rebound: ['反弹', '二次舆情'],
  }),
  feedbackMethod: field(FEEDBACK_METHODS, FEEDBACK_METHOD_LABELS, '反馈方式', {
    survey: ['调研', '问卷', '网上问卷'],
    revisit: ['电话回访'],
    comments: ['评论', '网民评论'],
    other: ['其它'],
  }),
  commitmentStatus: field(COMMITMENT_STATUSES, COMMITMENT_STATUS_LABELS, '承诺状态', {
    pending: ['未开始', '待办'],
    in_progress: ['办理中', '正在落实', '落实中', '进行中', '正在办理'],
    fulfilled: ['已完成', '已落实', '已办结', '完成', '兑现', '已解决'],
    overdue: ['已逾期', '超期', '超时'],
    unfulfillable: ['不能兑现', '无法落实', '无法完成'],
  }),
  unitKind: field(UNIT_KINDS, UNIT_KIND_LABELS, '单位类型', {
    department: ['部门', '政府部门', '县直部门', '县直单位'],
    township: ['乡', '镇'],
    subdistrict: ['街办', '街道办事处'],
    farm: ['林场', '牧场'],
    park: ['开发区', '工业园区', '产业园'],
    direct: ['直属'],
  }),
} as const;

export type CodedFieldName = keyof typeof CODED_FIELDS;
export type CodeOf<F extends CodedFieldName> = (typeof CODED_FIELDS)[F]['codes'][number];

/** The parts of a compound label people say on their own: “实际困难 → 解决情况”, “新闻发布会/吹风会”. */
function labelParts(label: string): string[] {
  return label.split(/\s*(?:→|\/)\s*/).filter((part) => part !== '');
}

type WordIndex = Map<string, string>;
const indexes = new Map<CodedFieldName, WordIndex>();

function indexOf(name: CodedFieldName): WordIndex {
  let index = indexes.get(name);
  if (!index) {
    const spec = CODED_FIELDS[name] as CodedField<string>;
    index = new Map();
    // Synonyms first, then labels and codes over them: a code or label always means itself.
    for (const code of spec.codes) for (const word of spec.synonyms[code] ?? []) index.set(normaliseWord(word), code);
    for (const code of spec.codes) for (const part of labelParts(spec.labels[code] ?? '')) index.set(normaliseWord(part), code);
    for (const code of spec.codes) {
      index.set(normaliseWord(spec.labels[code] ?? code), code);
      index.set(normaliseWord(code), code);
    }
    indexes.set(name, index);
  }
  return index;
}

/** The code a written word means in a coded field (code, label, label part or synonym), or undefined. */
export function resolveCoded<F extends CodedFieldName>(name: F, text: string): CodeOf<F> | undefined {
  const word = normaliseWord(text);
  if (word === '') return undefined;
  return indexOf(name).get(word) as CodeOf<F> | undefined;
}

/** The labels of a field, for a message that says what may be written (`一般、较大、重大、特别重大`). */
export function codedChoices(name: CodedFieldName): string {
  const spec = CODED_FIELDS[name] as CodedField<string>;
  return spec.codes.map((code) => spec.labels[code]).join('、');
}

/** Every word a field accepts, normalised (for tests and for suggesting what to write). */
export function codedWords(name: CodedFieldName): ReadonlyMap<string, string> {
  return indexOf(name);
}

// Categories live in the ledger (offices add their own), so their words come with the list; these are the words
// offices write for the nine of the seed document, keyed by their codes.
export const CATEGORY_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  epidemic: ['疫情', '防疫', '新冠', '新冠疫情', '疫情防控类'],
  realestate: ['房地产', '金融', '房产', '楼盘', '烂尾楼', '非法集资'],
  wages: ['欠薪', '拖欠工资', '讨薪', '农民工工资', '工资', '劳资纠纷'],
  environment: ['环境', '环保', '环境污染', '生态破坏', '生态环境', '污染'],
  food_drug: ['食药', '食品安全', '药品安全', '食品', '药品', '食品药品'],
  edu_medical: ['教育', '医疗', '教育卫生', '医疗卫生', '卫生健康'],
  elderly: ['养老服务', '养老保险', '敬老院'],
  work_safety: ['安全事故', '生产安全', '安全', '事故'],
  hardship: ['困难群众', '民生救助', '低保', '社会救助', '困难群体'],
  other: ['其它'],
};

export interface CategoryWords {
  code: string;
  name: string;
  short: string;
}

/**
 * A category by code, full name, short label, `全称(简称)` as the seed document writes it, or an office's word for
 * it. Names the ledger holds win over synonyms (an office's own category called 教育 is meant by 教育).
 */
export function resolveCategoryWord(categories: readonly CategoryWords[], text: string): string | undefined {
  const word = normaliseWord(text);
  if (word === '') return undefined;
  const own = (w: string) =>
    categories.find((c) => normaliseWord(c.code) === w) ??
    categories.find((c) => normaliseWord(c.name) === w || normaliseWord(c.short) === w);
  const hit = own(word) ?? own(word.replace(/\(.*\)$/, ''));
  if (hit) return hit.code;
  const known = new Set(categories.map((c) => c.code));
  for (const [code, words] of Object.entries(CATEGORY_SYNONYMS)) {
    if (known.has(code) && words.some((w) => normaliseWord(w) === word)) return code;
  }
  return undefined;
}

/**
 * Splits a cell or field that lists several values (`教育医疗、食品药品安全`, `县人社局；县住建局`) on the list
 * marks people use. Never on 和 or 及, which are inside names (环境污染和生态破坏).
 */
export function splitWrittenList(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[、,;，；\n/|]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
