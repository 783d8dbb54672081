import type { ImportField } from '../../../shared/api/excel.js';
import { normaliseWord } from '../../../shared/input/coded-values.js';
import { CHECK_GROUP } from './ledger-rows.js';

// The names offices give their 台账 columns, and the field each means. A grouped header (回应情况 over 时间 | 方式 |
// 内容) is read with its group: the leaf alone first, then the group's prefix with the leaf (回应 + 时间).

const NAMES: Record<Exclude<ImportField, 'ignore'>, readonly string[]> = {
  number: ['编号', '舆情编号', '事件编号'],
  title: ['标题', '舆情标题', '事件名称', '舆情事件', '事件标题', '舆情名称', '舆情事项', '舆情事件名称', '事件'],
  summary: ['摘要', '舆情摘要', '主要内容', '内容摘要', '舆情概要', '简要内容', '舆情内容', '事件概要', '基本情况', '舆情简况', '概要'],
  platform: ['首发平台', '来源', '发布平台', '平台', '信息来源', '舆情来源', '来源平台', '媒体平台', '首发媒体', '载体'],
  url: ['链接', '原帖链接', '网址', '原文链接', '网页链接', 'url'],
  firstSeenAt: ['首发时间', '发布时间', '发帖时间'],
  foundAt: ['发现时间', '监测时间', '发现日期', '监测日期', '收集时间', '时间', '日期'],
  registrar: ['登记人', '填报人', '监测人', '发现人', '录入人'],
  township: ['涉及乡镇（街道）', '涉及乡镇', '属地', '乡镇', '乡镇（街道）', '乡镇街道', '涉事地域', '所属乡镇', '地域', '所属地域', '涉及地域'],
  involvedUnit: ['涉事单位', '涉及单位', '涉事主体', '涉事企业'],
  categories: ['舆情类别', '涉及领域', '敏感类别', '类别', '分类', '舆情类型', '所属领域', '领域', '舆情分类', '类型'],
  keyType61: ['61号重点回应类型', '重点回应类型', '回应类型'],
  severity: ['舆情等级', '级别', '等级', '舆情级别', '风险等级'],
  sentiment: ['情感倾向', '倾向', '情感', '倾向性'],
  leadUnit: ['责任单位', '牵头单位', '处置单位', '承办单位', '主办单位', '牵头处置单位', '责任部门'],
  coUnits: ['配合单位', '协办单位', '协同单位'],
  status: ['处置状态', '状态', '办理状态', '办结情况', '处置情况'],
  statusReason: ['状态说明'],
  leaderInstruction: ['领导批示', '批示', '批示情况', '领导批示情况', '领导意见'],
  responseAt: ['回应时间', '答复时间', '回复时间', '首次回应时间'],
  responseMethod: ['回应方式', '答复方式', '回复方式'],
  responseChannel: ['发布渠道', '回应渠道', '回应平台', '发布平台（回应）'],
  responseContent: ['回应内容', '答复内容', '回复内容', '回应口径'],
  responseUnit: ['回应单位', '答复单位', '回复单位'],
  responseUrl: ['回应链接', '回复链接'],
  disposition: ['分类处置', '处置类型'],
  commitmentContent: ['承诺内容', '承诺事项内容', '承诺'],
  commitmentUnit: ['承诺责任单位', '落实单位', '承诺单位'],
  commitmentPerson: ['责任人', '承诺责任人', '联系人'],
  commitmentAt: ['承诺时间'],
  commitmentDeadline: ['承诺时限', '办结时限', '完成时限', '期限', '时限'],
  commitmentProgress: ['落实情况', '办理结果', '兑现情况', '办理情况', '整改情况'],
  commitmentPublication: ['公开情况', '落实公开情况', '是否公开'],
  note: ['备注', '其他', '说明'],
};

/** What the headers of groups start as: a leaf under 回应情况 is tried as 回应 + leaf. */
const GROUP_PREFIXES: [RegExp, string][] = [
  [/^(回应|答复|回复)/, '回应'],
  [/^承诺/, '承诺'],
];

const INDEX = new Map<string, ImportField>();
for (const [field, names] of Object.entries(NAMES) as [ImportField, readonly string[]][]) {
  for (const name of names) if (!INDEX.has(normaliseWord(name))) INDEX.set(normaliseWord(name), field);
}
INDEX.set(normaliseWord('序号'), 'ignore');

/** The field a header means, or undefined; `group` is the grouped header above it, if any. */
export function fieldOfHeader(leaf: string, group?: string): ImportField | undefined {
  const word = normaliseWord(leaf).replace(/[*＊:：]/g, '');
  // The 台账核查 columns of an exported 台账 are computed from the records, which come in their own columns.
  if (group && normaliseWord(group) === normaliseWord(CHECK_GROUP)) return 'ignore';
  if (group) {
    const groupWord = normaliseWord(group);
    for (const [pattern, prefix] of GROUP_PREFIXES) {
      if (pattern.test(groupWord)) {
        const inGroup = INDEX.get(normaliseWord(prefix) + word.replace(new RegExp(`^${prefix}`), ''));
        if (inGroup) return inGroup;
      }
    }
  }
  return INDEX.get(word);
}

/** The header of a group (回应情况, 承诺事项) is not a column of its own when leaves sit under it. */
export function isGroupHeader(text: string): boolean {
  return /^(回应|答复|回复|承诺|落实|处置)(情况|事项|信息)?$/.test(normaliseWord(text));
}

/** Whether a header is 序号 (a formula column people add; never data). */
export function isSequenceHeader(text: string): boolean {
  return normaliseWord(text) === '序号';
}
